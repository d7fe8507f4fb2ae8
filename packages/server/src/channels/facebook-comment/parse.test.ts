import { describe, expect, it } from 'vitest';
import {
  changesEntry,
  feedComment,
  feedItem,
  metaWebhook,
  PAGE_ID,
} from '../../test-support/meta-fixtures.js';
import { parseFacebookCommentWebhook } from './parse.js';

const POST = `${PAGE_ID}_122131676912594941`;
const CREATED = 1742667604;
const ENTRY_TIME = 1742667700;
const fan = { id: '7001', name: 'Mkhulu Dube' };
const feed = (...changes: Record<string, unknown>[]) =>
  metaWebhook('page', [changesEntry(PAGE_ID, changes, ENTRY_TIME)]);

describe('Facebook page comments incoming builder', () => {
  it('makes a top-level comment (parent = the post) its own thread, with the post in metadata', () => {
    const { events, skipped } = parseFacebookCommentWebhook(
      feed(
        feedComment({
          verb: 'add',
          commentId: '122131676912594941_1001',
          postId: POST,
          parentId: POST,
          from: fan,
          message: 'How much is it?',
          createdTime: CREATED,
          permalink: 'https://www.facebook.com/shop/posts/1',
        }),
      ),
    );
    expect(skipped).toEqual([]);
    expect(events).toEqual([
      {
        type: 'message',
        externalId: '122131676912594941_1001',
        threadKey: '122131676912594941_1001',
        contact: { externalId: '7001', displayName: 'Mkhulu Dube' },
        author: 'contact',
        text: 'How much is it?',
        sentAt: new Date(CREATED * 1000),
        conversation: {
          metadata: {
            post: {
              platform: 'facebook',
              id: POST,
              permalink: 'https://www.facebook.com/shop/posts/1',
            },
          },
        },
      },
    ]);
  });

  it("nests a reply under the top-level comment and joins its thread; the Page's reply is the business", () => {
    const { events } = parseFacebookCommentWebhook(
      feed(
        feedComment({
          verb: 'add',
          commentId: '122131676912594941_1002',
          postId: POST,
          parentId: '122131676912594941_1001',
          from: { id: '7002', name: 'Daniel' },
          message: 'In Kenya shillings',
          createdTime: CREATED + 60,
        }),
        feedComment({
          verb: 'add',
          commentId: '122131676912594941_1003',
          postId: POST,
          parentId: '122131676912594941_1001',
          from: { id: PAGE_ID, name: 'Our Shop' },
          message: '2500 KES',
          createdTime: CREATED + 120,
        }),
      ),
    );
    expect(events).toMatchObject([
      {
        threadKey: '122131676912594941_1001',
        parentExternalId: '122131676912594941_1001',
        author: 'contact',
      },
      {
        threadKey: '122131676912594941_1001',
        parentExternalId: '122131676912594941_1001',
        author: 'business',
      },
    ]);
  });

  it('turns an edited comment into an edit and a removed one into a removal, at the notification time', () => {
    const { events } = parseFacebookCommentWebhook(
      feed(
        feedComment({
          verb: 'edited',
          commentId: 'c_1',
          postId: POST,
          parentId: POST,
          from: fan,
          message: 'How much is the blue one?',
          createdTime: CREATED,
        }),
        feedComment({
          verb: 'remove',
          commentId: 'c_2',
          postId: POST,
          parentId: POST,
          from: fan,
          createdTime: CREATED,
        }),
      ),
    );
    expect(events).toEqual([
      {
        type: 'edit',
        externalId: 'c_1',
        text: 'How much is the blue one?',
        editedAt: new Date(ENTRY_TIME * 1000),
      },
      { type: 'removal', externalId: 'c_2', removedAt: new Date(ENTRY_TIME * 1000) },
    ]);
  });

  it('keeps a photo comment as an image attachment', () => {
    const { events } = parseFacebookCommentWebhook(
      feed(
        feedComment({
          verb: 'add',
          commentId: 'c_3',
          postId: POST,
          parentId: POST,
          from: fan,
          createdTime: CREATED,
          photo: 'https://scontent.example/p.jpg',
        }),
      ),
    );
    expect(events[0]).toMatchObject({
      text: '',
      attachments: [{ type: 'image', url: 'https://scontent.example/p.jpg' }],
    });
  });

  it('keeps commenters Meta does not name apart, one anonymous contact per thread', () => {
    const { events } = parseFacebookCommentWebhook(
      feed(
        feedComment({
          verb: 'add',
          commentId: 'c_4',
          postId: POST,
          parentId: POST,
          message: 'hi',
          createdTime: CREATED,
        }),
      ),
    );
    expect(events[0]).toMatchObject({
      contact: { externalId: 'anonymous:c_4' },
      author: 'contact',
    });
  });

  it('leaves out posts, reactions, hidden comments and other fields', () => {
    const { events, skipped } = parseFacebookCommentWebhook(
      feed(
        feedItem('reaction', 'add', POST),
        feedItem('status', 'add', POST),
        feedComment({
          verb: 'hide',
          commentId: 'c_5',
          postId: POST,
          parentId: POST,
          from: fan,
          createdTime: CREATED,
        }),
        { field: 'ratings', value: { item: 'rating', verb: 'add' } },
      ),
    );
    expect(events).toEqual([]);
    expect(skipped.map((note) => note.reason)).toEqual([
      'feed reaction add',
      'feed status add',
      'comment hide',
      'field "ratings"',
    ]);
  });
});
