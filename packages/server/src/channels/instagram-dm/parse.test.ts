import { describe, expect, it } from 'vitest';
import {
  attachmentMessage,
  echoMessage,
  IG_ACCOUNT_ID,
  IGSID,
  messagingEntry,
  metaWebhook,
  postbackEvent,
  reactionEvent,
  seenEvent,
  storyMentionMessage,
  storyReplyMessage,
  textMessage,
  unsentMessage,
} from '../../test-support/meta-fixtures.js';
import { parseInstagramDmWebhook } from './parse.js';

const T = 1569262485349;
const fromUser = { from: IGSID, to: IG_ACCOUNT_ID, timestamp: T };
const instagram = (...events: Record<string, unknown>[]) =>
  metaWebhook('instagram', [messagingEntry(IG_ACCOUNT_ID, events, T + 100)]);

describe('Instagram DM incoming builder', () => {
  it('turns a text message into a customer message threaded by IGSID', () => {
    const { events } = parseInstagramDmWebhook(
      instagram(textMessage({ ...fromUser, mid: 'aWdfZAG1', text: 'Is this in stock?' })),
    );
    expect(events).toEqual([
      {
        type: 'message',
        externalId: 'aWdfZAG1',
        threadKey: IGSID,
        contact: { externalId: IGSID },
        author: 'contact',
        text: 'Is this in stock?',
        sentAt: new Date(T),
      },
    ]);
  });

  it('stores a story mention as a story attachment with its URL', () => {
    const { events } = parseInstagramDmWebhook(
      instagram(
        storyMentionMessage({ ...fromUser, mid: 'sm1', url: 'https://lookaside.example/story' }),
      ),
    );
    expect(events[0]).toMatchObject({
      attachments: [{ type: 'story', url: 'https://lookaside.example/story' }],
    });
  });

  it('stores a story reply with the story it answers', () => {
    const { events } = parseInstagramDmWebhook(
      instagram(
        storyReplyMessage({
          ...fromUser,
          mid: 'sr1',
          text: 'Love this!',
          storyId: '17900000000000001',
          url: 'https://lookaside.example/story/1',
        }),
      ),
    );
    expect(events[0]).toMatchObject({
      text: 'Love this!',
      attachments: [{ type: 'story', url: 'https://lookaside.example/story/1' }],
      metadata: {
        storyReply: { id: '17900000000000001', url: 'https://lookaside.example/story/1' },
      },
    });
  });

  it('stores shared posts and reels as shares', () => {
    const { events } = parseInstagramDmWebhook(
      instagram(
        attachmentMessage({
          ...fromUser,
          mid: 'sh1',
          attachments: [
            { type: 'share', url: 'https://cdn.example/post' },
            { type: 'ig_reel', url: 'https://cdn.example/reel' },
          ],
        }),
      ),
    );
    expect(events[0]).toMatchObject({
      attachments: [
        { type: 'share', url: 'https://cdn.example/post' },
        { type: 'share', url: 'https://cdn.example/reel' },
      ],
    });
  });

  it('stores an echo as the business writing to the person', () => {
    const { events } = parseInstagramDmWebhook(
      instagram(
        echoMessage({ from: IG_ACCOUNT_ID, to: IGSID, timestamp: T, mid: 'e1', text: 'Yes!' }),
      ),
    );
    expect(events[0]).toMatchObject({
      author: 'business',
      threadKey: IGSID,
      contact: { externalId: IGSID },
    });
  });

  it('turns an unsent message into a removal', () => {
    const { events } = parseInstagramDmWebhook(
      instagram(unsentMessage({ ...fromUser, mid: 'gone' })),
    );
    expect(events).toEqual([{ type: 'removal', externalId: 'gone', removedAt: new Date(T) }]);
  });

  it('turns a seen event into a read receipt for the named message', () => {
    const { events } = parseInstagramDmWebhook(instagram(seenEvent({ ...fromUser, mid: 'out-1' })));
    expect(events).toEqual([
      { type: 'receipt', status: 'read', threadKey: IGSID, externalIds: ['out-1'] },
    ]);
  });

  it('reads an icebreaker postback as its title', () => {
    const { events } = parseInstagramDmWebhook(
      instagram(
        postbackEvent({ ...fromUser, mid: 'pb1', title: 'Opening hours?', payload: 'HOURS' }),
      ),
    );
    expect(events[0]).toMatchObject({
      text: 'Opening hours?',
      metadata: { postback: { payload: 'HOURS' } },
    });
  });

  it('leaves out reactions and unsupported messages, and keeps the rest of the batch', () => {
    const { events, skipped } = parseInstagramDmWebhook(
      instagram(
        reactionEvent({ ...fromUser, mid: 'x' }),
        {
          sender: { id: IGSID },
          recipient: { id: IG_ACCOUNT_ID },
          timestamp: T,
          message: { mid: 'u1', is_unsupported: true },
        },
        textMessage({ ...fromUser, mid: 'ok', text: 'hi' }),
      ),
    );
    expect(events).toHaveLength(1);
    expect(skipped.map((note) => note.reason)).toEqual(['reaction', 'unsupported message']);
  });

  it('leaves Page deliveries to Messenger', () => {
    const body = metaWebhook('page', [
      messagingEntry(IG_ACCOUNT_ID, [textMessage({ ...fromUser, mid: 'p', text: 'hi' })]),
    ]);
    expect(parseInstagramDmWebhook(body).events).toEqual([]);
  });
});
