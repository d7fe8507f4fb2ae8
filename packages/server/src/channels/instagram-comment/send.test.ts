import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphApiStandIn } from '../../test-support/graph-api-stand-in.js';
import {
  ACCESS_TOKEN,
  metaChannelRecord,
  outboundMessage,
  replyContext,
} from '../../test-support/meta-channel.js';
import { graphErrors, IGSID } from '../../test-support/meta-fixtures.js';
import { sendPrivateReply } from '../meta/send-api.js';
import { instagramCommentConnector } from './index.js';

let graph: GraphApiStandIn;
beforeAll(async () => {
  graph = await GraphApiStandIn.start({ accessToken: ACCESS_TOKEN });
});
afterAll(() => graph.close());

describe('Instagram comment send service', () => {
  it("replies publicly under the thread's top-level comment", async () => {
    const channel = metaChannelRecord('instagram_comment', graph);
    const result = await instagramCommentConnector.send(
      outboundMessage({ text: 'It is 20 EUR!', replyToExternalId: '17870002' }),
      replyContext(channel, '17870001'),
    );
    expect(result).toEqual({ ok: true, externalId: '17870001_reply1' });
    expect(graph.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '17870001/replies',
      body: { message: 'It is 20 EUR!' },
    });
  });

  it('answers a comment privately and names the DM recipient', async () => {
    graph.setCommentAuthor('17870001', IGSID);
    const channel = metaChannelRecord('instagram_comment', graph);
    const result = await sendPrivateReply(channel, '17870001', 'Check your DMs for a code!');
    expect(result).toMatchObject({ ok: true, recipientId: IGSID });
    expect(graph.requests.at(-1)).toMatchObject({
      path: 'me/messages',
      body: {
        recipient: { comment_id: '17870001' },
        messaging_type: 'RESPONSE',
        message: { text: 'Check your DMs for a code!' },
      },
    });
  });

  it('maps a failed private reply like any send', async () => {
    graph.failNext(1, graphErrors.rateLimited(4));
    const channel = metaChannelRecord('instagram_comment', graph);
    const result = await sendPrivateReply(channel, '17870001', 'Hello');
    expect(result).toMatchObject({ ok: false, kind: 'rate_limited', retryable: true });
  });

  it('has no reply window', () => {
    expect(instagramCommentConnector.capabilities.replyWindowMs).toBeUndefined();
  });
});
