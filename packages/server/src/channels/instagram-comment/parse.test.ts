import { describe, expect, it } from 'vitest';
import {
  changesEntry,
  IG_ACCOUNT_ID,
  instagramComment,
  metaWebhook,
} from '../../test-support/meta-fixtures.js';
import { parseInstagramCommentWebhook } from './parse.js';

const TIME = 1723057210000;
const fan = { id: '1789001', username: 'jane.doe' };

describe('Instagram comments incoming builder', () => {
  it('makes a top-level comment its own thread, with the media in the conversation metadata', () => {
    const body = metaWebhook('instagram', [
      changesEntry(
        IG_ACCOUNT_ID,
        [
          instagramComment({
            id: '17870001',
            text: 'How much?',
            from: fan,
            mediaId: '17890001',
            mediaProductType: 'REELS',
          }),
        ],
        TIME,
      ),
    ]);
    expect(parseInstagramCommentWebhook(body)).toEqual({
      skipped: [],
      events: [
        {
          type: 'message',
          externalId: '17870001',
          threadKey: '17870001',
          contact: { externalId: '1789001', username: 'jane.doe' },
          author: 'contact',
          text: 'How much?',
          sentAt: new Date(TIME),
          conversation: {
            metadata: { post: { platform: 'instagram', id: '17890001', productType: 'REELS' } },
          },
        },
      ],
    });
  });

  it("nests a reply under its parent and joins the parent's thread", () => {
    const body = metaWebhook('instagram', [
      changesEntry(
        IG_ACCOUNT_ID,
        [
          instagramComment({
            id: '17870002',
            text: '@jane.doe 20 EUR',
            from: { id: '1789002', username: 'sam' },
            mediaId: '17890001',
            parentId: '17870001',
          }),
        ],
        TIME,
      ),
    ]);
    expect(parseInstagramCommentWebhook(body).events[0]).toMatchObject({
      externalId: '17870002',
      threadKey: '17870001',
      parentExternalId: '17870001',
      author: 'contact',
    });
  });

  it("marks the account's own comments as the business", () => {
    const body = metaWebhook('instagram', [
      changesEntry(
        IG_ACCOUNT_ID,
        [
          instagramComment({
            id: '17870003',
            text: 'Sent you a DM!',
            from: { id: IG_ACCOUNT_ID, username: 'our.shop' },
            mediaId: '17890001',
            parentId: '17870001',
          }),
        ],
        TIME,
      ),
    ]);
    expect(parseInstagramCommentWebhook(body).events[0]).toMatchObject({ author: 'business' });
  });

  it('leaves out other fields and unreadable comments', () => {
    const body = metaWebhook('instagram', [
      changesEntry(
        IG_ACCOUNT_ID,
        [
          { field: 'mentions', value: { media_id: '1', comment_id: '2' } },
          { field: 'comments', value: { text: 'no id or author' } },
          instagramComment({ id: '17870004', text: 'ok', from: fan, mediaId: '17890001' }),
        ],
        TIME,
      ),
    ]);
    const { events, skipped } = parseInstagramCommentWebhook(body);
    expect(events).toHaveLength(1);
    expect(skipped.map((note) => note.reason)).toEqual(['field "mentions"', 'unreadable comment']);
  });

  it('reads several entries in one delivery', () => {
    const body = metaWebhook('instagram', [
      changesEntry(
        IG_ACCOUNT_ID,
        [instagramComment({ id: 'c1', text: 'a', from: fan, mediaId: 'm1' })],
        TIME,
      ),
      changesEntry(
        IG_ACCOUNT_ID,
        [instagramComment({ id: 'c2', text: 'b', from: fan, mediaId: 'm2' })],
        TIME,
      ),
    ]);
    expect(
      parseInstagramCommentWebhook(body).events.map(
        (event) => 'threadKey' in event && event.threadKey,
      ),
    ).toEqual(['c1', 'c2']);
  });
});
