import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphApiStandIn } from '../../test-support/graph-api-stand-in.js';
import {
  ACCESS_TOKEN,
  metaChannelRecord,
  outboundMessage,
  replyContext,
} from '../../test-support/meta-channel.js';
import { graphErrors, PSID } from '../../test-support/meta-fixtures.js';
import { sendPrivateReply } from '../meta/send-api.js';
import { facebookCommentConnector } from './index.js';

let graph: GraphApiStandIn;
beforeAll(async () => {
  graph = await GraphApiStandIn.start({ accessToken: ACCESS_TOKEN });
});
afterAll(() => graph.close());

const THREAD = '122131676912594941_1001';

describe('Facebook comment send service', () => {
  it('replies in the thread through the /comments edge of the top-level comment', async () => {
    const result = await facebookCommentConnector.send(
      outboundMessage({ text: '2500 KES', replyToExternalId: '122131676912594941_1002' }),
      replyContext(metaChannelRecord('facebook_comment', graph), THREAD),
    );
    expect(result).toEqual({ ok: true, externalId: `${THREAD}_reply1` });
    expect(graph.requests.at(-1)).toMatchObject({
      path: `${THREAD}/comments`,
      body: { message: '2500 KES' },
    });
  });

  it('answers a comment privately in Messenger and names the PSID', async () => {
    graph.setCommentAuthor(THREAD, PSID);
    const result = await sendPrivateReply(
      metaChannelRecord('facebook_comment', graph),
      THREAD,
      'We sent you the details in Messenger.',
    );
    expect(result).toMatchObject({ ok: true, recipientId: PSID });
    expect(graph.requests.at(-1)?.body).toMatchObject({ recipient: { comment_id: THREAD } });
  });

  it('reports a comment Meta does not know as invalid_request', async () => {
    const result = await sendPrivateReply(
      metaChannelRecord('facebook_comment', graph),
      'unknown_comment',
      'Hello',
    );
    expect(result).toMatchObject({ ok: false, kind: 'invalid_request', retryable: false });
  });

  it('retries a temporary Graph API failure', async () => {
    graph.failNext(1, graphErrors.temporary());
    const result = await facebookCommentConnector.send(
      outboundMessage(),
      replyContext(metaChannelRecord('facebook_comment', graph), THREAD),
    );
    expect(result).toMatchObject({ ok: false, kind: 'transient', retryable: true });
  });
});
