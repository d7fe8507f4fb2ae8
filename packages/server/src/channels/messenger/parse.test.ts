import { describe, expect, it } from 'vitest';
import {
  attachmentMessage,
  deliveryEvent,
  echoMessage,
  fallbackMessage,
  messageEditEvent,
  messagingEntry,
  metaWebhook,
  PAGE_ID,
  PSID,
  postbackEvent,
  reactionEvent,
  readEvent,
  textMessage,
} from '../../test-support/meta-fixtures.js';
import { MalformedPayloadError } from '../connector.js';
import { parseMessengerWebhook } from './parse.js';

const T = 1458692752478;
const fromUser = { from: PSID, to: PAGE_ID, timestamp: T };
const page = (...events: Record<string, unknown>[]) =>
  metaWebhook('page', [messagingEntry(PAGE_ID, events, T + 100)]);

describe('Messenger incoming builder', () => {
  it('turns a text message into a customer message threaded by PSID', () => {
    const { events, skipped } = parseMessengerWebhook(
      page(textMessage({ ...fromUser, mid: 'm_1', text: 'hello, world!' })),
    );
    expect(skipped).toEqual([]);
    expect(events).toEqual([
      {
        type: 'message',
        externalId: 'm_1',
        threadKey: PSID,
        contact: { externalId: PSID },
        author: 'contact',
        text: 'hello, world!',
        sentAt: new Date(T),
      },
    ]);
  });

  it('keeps the quick reply payload and the message replied to', () => {
    const { events } = parseMessengerWebhook(
      page(
        textMessage({
          ...fromUser,
          mid: 'm_2',
          text: 'Yes please',
          quickReplyPayload: 'CONFIRM_ORDER',
        }),
        textMessage({ ...fromUser, mid: 'm_3', text: 'About this', replyToMid: 'm_1' }),
      ),
    );
    expect(events[0]).toMatchObject({ metadata: { quickReplyPayload: 'CONFIRM_ORDER' } });
    expect(events[1]).toMatchObject({ externalId: 'm_3', parentExternalId: 'm_1' });
  });

  it('types attachments and keeps their URLs', () => {
    const { events } = parseMessengerWebhook(
      page(
        attachmentMessage({
          ...fromUser,
          mid: 'm_4',
          attachments: [
            { type: 'image', url: 'https://cdn.example/i.jpg' },
            { type: 'video', url: 'https://cdn.example/v.mp4' },
            { type: 'audio', url: 'https://cdn.example/a.mp4' },
            { type: 'file', url: 'https://cdn.example/f.pdf' },
            { type: 'sticker', url: 'https://cdn.example/s.png' },
            { type: 'ig_reel', url: 'https://cdn.example/r' },
          ],
        }),
        fallbackMessage({
          ...fromUser,
          mid: 'm_5',
          title: 'Our shop',
          url: 'https://shop.example',
        }),
      ),
    );
    expect(events[0]).toMatchObject({
      text: '',
      attachments: [
        { type: 'image', url: 'https://cdn.example/i.jpg' },
        { type: 'video', url: 'https://cdn.example/v.mp4' },
        { type: 'audio', url: 'https://cdn.example/a.mp4' },
        { type: 'file', url: 'https://cdn.example/f.pdf' },
        { type: 'image', url: 'https://cdn.example/s.png' },
        { type: 'share', url: 'https://cdn.example/r' },
      ],
    });
    expect(events[1]).toMatchObject({
      attachments: [{ type: 'link', url: 'https://shop.example', name: 'Our shop' }],
    });
  });

  it('stores an echo as the business writing to the person it was sent to', () => {
    const { events } = parseMessengerWebhook(
      page(
        echoMessage({
          from: PAGE_ID,
          to: PSID,
          timestamp: T,
          mid: 'm_echo',
          text: 'Sent from the Page inbox',
        }),
      ),
    );
    expect(events).toEqual([
      {
        type: 'message',
        externalId: 'm_echo',
        threadKey: PSID,
        contact: { externalId: PSID },
        author: 'business',
        text: 'Sent from the Page inbox',
        sentAt: new Date(T),
        metadata: { appId: '1517776481860111' },
      },
    ]);
  });

  it('reads a postback as the button title, with the payload kept', () => {
    const { events } = parseMessengerWebhook(
      page(
        postbackEvent({ ...fromUser, mid: 'm_pb', title: 'Get Started', payload: 'GET_STARTED' }),
      ),
    );
    expect(events).toEqual([
      {
        type: 'message',
        externalId: 'm_pb',
        threadKey: PSID,
        contact: { externalId: PSID },
        author: 'contact',
        text: 'Get Started',
        sentAt: new Date(T),
        metadata: { postback: { title: 'Get Started', payload: 'GET_STARTED' } },
      },
    ]);
  });

  it('turns reads and deliveries into receipts', () => {
    const { events } = parseMessengerWebhook(
      page(
        readEvent({ ...fromUser, watermark: T - 5 }),
        deliveryEvent({ from: PSID, to: PAGE_ID, mids: ['m_out_1'], watermark: T - 10 }),
        deliveryEvent({ from: PSID, to: PAGE_ID, watermark: T - 20 }),
      ),
    );
    expect(events).toEqual([
      { type: 'receipt', status: 'read', threadKey: PSID, watermark: new Date(T - 5) },
      {
        type: 'receipt',
        status: 'delivered',
        threadKey: PSID,
        externalIds: ['m_out_1'],
        watermark: new Date(T - 10),
      },
      { type: 'receipt', status: 'delivered', threadKey: PSID, watermark: new Date(T - 20) },
    ]);
  });

  it('turns a message edit into an edit of the stored message', () => {
    const { events } = parseMessengerWebhook(
      page(messageEditEvent({ ...fromUser, mid: 'm_1', text: 'hello, world! (edited)' })),
    );
    expect(events).toEqual([
      { type: 'edit', externalId: 'm_1', text: 'hello, world! (edited)', editedAt: new Date(T) },
    ]);
  });

  it('leaves out reactions, unknown and unreadable events without throwing', () => {
    const { events, skipped } = parseMessengerWebhook(
      page(
        reactionEvent({ ...fromUser, mid: 'm_1' }),
        { sender: { id: PSID }, recipient: { id: PAGE_ID }, timestamp: T, optin: { ref: 'x' } },
        {
          sender: { id: PSID },
          recipient: { id: PAGE_ID },
          timestamp: T,
          message: { text: 'no mid' },
        },
        textMessage({ ...fromUser, mid: 'm_ok', text: 'still stored' }),
      ),
    );
    expect(events.map((event) => event.type === 'message' && event.externalId)).toEqual(['m_ok']);
    expect(skipped.map((note) => note.reason)).toEqual(['reaction', 'optin', 'unreadable message']);
  });

  it('reads every event of every entry in a batch, in order', () => {
    const otherPsid = '1111222233334444';
    const body = metaWebhook('page', [
      messagingEntry(PAGE_ID, [
        textMessage({ ...fromUser, mid: 'a1', text: 'one' }),
        textMessage({ ...fromUser, mid: 'a2', text: 'two' }),
      ]),
      messagingEntry(PAGE_ID, [
        textMessage({ from: otherPsid, to: PAGE_ID, timestamp: T, mid: 'b1', text: 'three' }),
        readEvent({ from: otherPsid, to: PAGE_ID, timestamp: T, watermark: T }),
      ]),
    ]);
    const { events } = parseMessengerWebhook(body);
    expect(
      events.map((event) => [event.type, 'threadKey' in event ? event.threadKey : null]),
    ).toEqual([
      ['message', PSID],
      ['message', PSID],
      ['message', otherPsid],
      ['receipt', otherPsid],
    ]);
  });

  it('leaves Instagram deliveries to the Instagram connector', () => {
    const body = metaWebhook('instagram', [
      messagingEntry(PAGE_ID, [textMessage({ ...fromUser, mid: 'ig', text: 'hi' })]),
    ]);
    expect(parseMessengerWebhook(body).events).toEqual([]);
  });

  it('throws MalformedPayloadError for a body that is not a Meta envelope', () => {
    expect(() => parseMessengerWebhook({ hello: 'world' })).toThrow(MalformedPayloadError);
  });
});
