import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphApiStandIn } from '../../test-support/graph-api-stand-in.js';
import {
  ACCESS_TOKEN,
  metaChannelRecord,
  outboundMessage,
  replyContext,
} from '../../test-support/meta-channel.js';
import { graphErrors, IGSID } from '../../test-support/meta-fixtures.js';
import { instagramDmConnector } from './index.js';

let graph: GraphApiStandIn;
beforeAll(async () => {
  graph = await GraphApiStandIn.start({ accessToken: ACCESS_TOKEN });
});
afterAll(() => graph.close());

describe('Instagram DM send service', () => {
  it('sends the reply to the IGSID through the Send API', async () => {
    const result = await instagramDmConnector.send(
      outboundMessage({ humanAgentTag: true }),
      replyContext(metaChannelRecord('instagram_dm', graph), IGSID),
    );
    expect(result).toMatchObject({ ok: true });
    expect(graph.requests.at(-1)).toMatchObject({
      path: 'me/messages',
      body: {
        recipient: { id: IGSID },
        messaging_type: 'MESSAGE_TAG',
        tag: 'HUMAN_AGENT',
        message: {
          text: 'Thanks, we will ship it today.',
          metadata: expect.stringMatching(/^parley:/),
        },
      },
    });
  });

  it('reports a closed window as window_closed', async () => {
    graph.failNext(1, graphErrors.outsideWindow());
    const result = await instagramDmConnector.send(
      outboundMessage(),
      replyContext(metaChannelRecord('instagram_dm', graph), IGSID),
    );
    expect(result).toMatchObject({ ok: false, kind: 'window_closed', retryable: false });
  });
});
