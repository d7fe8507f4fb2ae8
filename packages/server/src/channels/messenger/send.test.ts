import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphApiStandIn } from '../../test-support/graph-api-stand-in.js';
import {
  ACCESS_TOKEN,
  GRAPH_VERSION,
  metaChannelRecord,
  outboundMessage,
  replyContext,
} from '../../test-support/meta-channel.js';
import { graphErrors, PSID } from '../../test-support/meta-fixtures.js';
import { DEFAULT_RATE_LIMIT_WAIT_MS } from '../meta/graph-errors.js';
import { messengerConnector } from './index.js';

let graph: GraphApiStandIn;
beforeAll(async () => {
  graph = await GraphApiStandIn.start({ accessToken: ACCESS_TOKEN });
});
afterAll(() => graph.close());
beforeEach(() => {
  graph.requests.length = 0;
});

const send = (overrides: Parameters<typeof outboundMessage>[0] = {}) =>
  messengerConnector.send(
    outboundMessage(overrides),
    replyContext(metaChannelRecord('messenger', graph), PSID),
  );

describe('Messenger send service', () => {
  it('answers inside the window with messaging_type RESPONSE and returns the message id', async () => {
    const result = await send();
    expect(result).toEqual({ ok: true, externalId: 'm_standin1' });
    expect(graph.requests).toHaveLength(1);
    const [request] = graph.requests;
    expect(request).toMatchObject({ method: 'POST', version: GRAPH_VERSION, path: 'me/messages' });
    expect(request?.body).toEqual({
      recipient: { id: PSID },
      messaging_type: 'RESPONSE',
      // Meta returns the metadata in the echo, which lets ingest match the echo to this reply.
      message: {
        text: 'Thanks, we will ship it today.',
        metadata: `parley:${outboundMessage().id}`,
      },
    });
    expect(request?.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(request?.query.has('access_token')).toBe(false);
  });

  it('sends an operator reply after 24 hours with the HUMAN_AGENT tag', async () => {
    const result = await send({ humanAgentTag: true });
    expect(result.ok).toBe(true);
    expect(graph.requests[0]?.body).toMatchObject({
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
    });
  });

  it('never tags an assistant reply as a human agent, and calls nothing', async () => {
    const result = await send({ author: 'assistant', humanAgentTag: true });
    expect(result).toMatchObject({ ok: false, kind: 'invalid_request', retryable: false });
    expect(graph.requests).toEqual([]);
  });

  it('reports a closed window (code 10 / 2018278) as window_closed, not to be retried', async () => {
    graph.failNext(1, graphErrors.outsideWindow());
    expect(await send()).toMatchObject({ ok: false, kind: 'window_closed', retryable: false });
  });

  it('reports a rate limit (code 613) as retryable with a wait, and succeeds once it lifts', async () => {
    graph.failNext(1, graphErrors.rateLimited(613));
    expect(await send()).toMatchObject({
      ok: false,
      kind: 'rate_limited',
      retryable: true,
      retryAfterMs: DEFAULT_RATE_LIMIT_WAIT_MS,
    });
    expect(await send()).toMatchObject({ ok: true });
  });

  it('reports an invalid token and an unavailable person as final', async () => {
    graph.failNext(1, graphErrors.invalidToken());
    graph.failNext(1, graphErrors.userUnavailable());
    expect(await send()).toMatchObject({ kind: 'invalid_token', retryable: false });
    expect(await send()).toMatchObject({ kind: 'recipient_unavailable', retryable: false });
  });

  it('reports a wrong stored token as invalid_token (the stand-in checks it)', async () => {
    const channel = metaChannelRecord('messenger', graph);
    const result = await messengerConnector.send(
      outboundMessage(),
      replyContext({ ...channel, secrets: { ...channel.secrets, accessToken: 'revoked' } }, PSID),
    );
    expect(result).toMatchObject({ ok: false, kind: 'invalid_token' });
  });

  it('reports an unreachable Graph API as transient and retryable', async () => {
    const gone = await GraphApiStandIn.start({ accessToken: ACCESS_TOKEN });
    const channel = metaChannelRecord('messenger', gone);
    await gone.close();
    const result = await messengerConnector.send(outboundMessage(), replyContext(channel, PSID));
    expect(result).toMatchObject({ ok: false, kind: 'transient', retryable: true });
  });

  it('uses the Graph API version from the channel config', async () => {
    const channel = metaChannelRecord('messenger', graph);
    await messengerConnector.send(
      outboundMessage(),
      replyContext({ ...channel, config: { ...channel.config, graphApiVersion: 'v19.0' } }, PSID),
    );
    expect(graph.requests[0]?.version).toBe('v19.0');
  });

  it('declares the 24-hour window and the 7-day human-agent window', () => {
    expect(messengerConnector.capabilities).toMatchObject({
      replyWindowMs: 24 * 60 * 60 * 1000,
      humanAgentWindowMs: 7 * 24 * 60 * 60 * 1000,
    });
  });
});
