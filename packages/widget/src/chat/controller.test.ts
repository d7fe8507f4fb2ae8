import type { MessageView } from '@parley/domain';
import { describe, expect, it } from 'vitest';
import { messageView } from '../testing/message-view.js';
import type { SendRequest, SessionRequest, WidgetApi } from './api.js';
import { ChatController, type LiveHandlers } from './controller.js';
import type { Visitor } from './visitor.js';

function setup(options: { conversationId?: string | null; history?: MessageView[] } = {}) {
  const sends: SendRequest[] = [];
  const sessions: SessionRequest[] = [];
  const remembered: string[] = [];
  // How many upcoming calls fail as if the network were down.
  const faults = { sends: 0, sessions: 0 };
  let handlers: LiveHandlers | null = null;
  const listenedTo: string[] = [];
  const listenedFrom: (string | null)[] = [];
  let ids = 0;
  const api: WidgetApi = {
    config: async () => ({
      assistant: { name: 'Ava', greeting: 'Hi!', suggestedQuestions: [] },
      themeColor: null,
    }),
    session: async (request) => {
      if (faults.sessions > 0) {
        faults.sessions -= 1;
        throw new TypeError('Failed to fetch');
      }
      sessions.push(request);
      // The server has a conversation once the visitor has written.
      const started = sends.length > 0 || Boolean(options.conversationId);
      return {
        conversationId: started ? 'conv-1' : null,
        messages: options.history ?? [],
        lastEventId: `cursor-${sessions.length}`,
      };
    },
    send: async (request) => {
      sends.push(request);
      if (faults.sends > 0) {
        faults.sends -= 1;
        throw new TypeError('Failed to fetch');
      }
      return messageView({
        id: `m-${sends.length}`,
        author: 'contact',
        text: request.text,
        createdAt: `2025-01-01T10:0${sends.length}:00.000Z`,
      });
    },
  };
  const visitor: Visitor = {
    id: 'visitor-1',
    conversationId: options.conversationId ?? null,
    remember: (conversationId) => remembered.push(conversationId),
  };
  const chat = new ChatController({
    api,
    visitor,
    session: { key: 'pk_1', visitorId: 'visitor-1', channel: 'website_widget' },
    listen: (conversationId, lastEventId, live) => {
      listenedTo.push(conversationId);
      listenedFrom.push(lastEventId);
      handlers = live;
    },
    newId: () => `cm-${++ids}`,
    now: () => '2025-01-01T09:59:00.000Z',
  });
  return {
    chat,
    sends,
    sessions,
    remembered,
    listenedFrom,
    listenedTo,
    faults,
    push: (view: MessageView) => handlers?.onMessage(view),
    resync: () => handlers?.onResync(),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ChatController', () => {
  it('shows a send at once and confirms it with the server message', async () => {
    const { chat, sends } = setup();
    const sending = chat.send('  Hello  ');
    expect(chat.state.entries).toMatchObject([{ key: 'cm-1', text: 'Hello', delivery: 'sending' }]);
    await sending;
    expect(sends).toEqual([
      {
        key: 'pk_1',
        visitorId: 'visitor-1',
        channel: 'website_widget',
        text: 'Hello',
        clientMessageId: 'cm-1',
      },
    ]);
    expect(chat.state.entries).toMatchObject([{ key: 'cm-1', id: 'm-1', delivery: 'sent' }]);
  });

  it('ignores blank messages', async () => {
    const { chat, sends } = setup();
    await chat.send('   ');
    expect(chat.state.entries).toEqual([]);
    expect(sends).toEqual([]);
  });

  it('keeps a failed send and retries it with the same client id', async () => {
    const { chat, sends, faults } = setup();
    faults.sends = 1;
    await chat.send('Hello');
    expect(chat.state.entries).toMatchObject([{ key: 'cm-1', delivery: 'failed' }]);
    await chat.retry('cm-1');
    expect(sends.map((send) => send.clientMessageId)).toEqual(['cm-1', 'cm-1']);
    expect(chat.state.entries).toMatchObject([{ key: 'cm-1', id: 'm-2', delivery: 'sent' }]);
  });

  it('opens one session for concurrent sends and remembers the conversation', async () => {
    const { chat, sessions, remembered } = setup();
    await Promise.all([chat.send('One'), chat.send('Two')]);
    expect(sessions).toEqual([{ key: 'pk_1', visitorId: 'visitor-1', channel: 'website_widget' }]);
    expect(remembered).toEqual(['conv-1']);
    expect(chat.state.connection).toBe('connected');
  });

  it('remembers and listens to nothing until the first message starts the conversation', async () => {
    const { chat, remembered, listenedTo, listenedFrom, sends } = setup();
    chat.connect();
    await settle();
    expect(chat.state.connection).toBe('connected');
    expect(remembered).toEqual([]);
    expect(listenedTo).toEqual([]);
    await chat.send('First');
    await chat.send('Second');
    // Listening starts from the session's snapshot, so an early reply is not missed; once.
    expect(listenedTo).toEqual(['conv-1']);
    expect(listenedFrom).toEqual(['cursor-1']);
    expect(remembered).toEqual(['conv-1']);
    expect(sends).toHaveLength(2);
  });

  it('reloads the conversation when the stream skipped ahead', async () => {
    const history: MessageView[] = [];
    const { chat, resync, sessions } = setup({ conversationId: 'conv-1', history });
    chat.resume();
    await settle();
    history.push(messageView({ id: 'm-5', text: 'Missed while away' }));
    resync();
    await settle();
    expect(sessions).toHaveLength(2);
    expect(chat.state.entries.map((entry) => entry.text)).toContain('Missed while away');
  });

  it('restores history and listens for live replies from where it ends', async () => {
    const earlier = messageView({ id: 'm-0', text: 'Welcome back' });
    const { chat, push, listenedFrom } = setup({ conversationId: 'conv-1', history: [earlier] });
    chat.resume();
    await settle();
    expect(listenedFrom).toEqual(['cursor-1']);
    push(messageView({ id: 'm-9', text: 'New reply', createdAt: '2025-01-01T11:00:00.000Z' }));
    push(messageView({ id: 'm-9', text: 'New reply', createdAt: '2025-01-01T11:00:00.000Z' }));
    expect(chat.state.entries.map((entry) => entry.text)).toEqual(['Welcome back', 'New reply']);
  });

  it('does not open a session on resume for a first-time visitor', async () => {
    const { chat, sessions } = setup();
    chat.resume();
    await settle();
    expect(sessions).toEqual([]);
    expect(chat.state.connection).toBe('idle');
  });

  it('reports a failed session and can connect again', async () => {
    const { chat, sessions, faults } = setup();
    faults.sessions = 1;
    chat.connect();
    await settle();
    expect(chat.state.connection).toBe('failed');
    chat.connect();
    await settle();
    expect(chat.state.connection).toBe('connected');
    expect(sessions).toHaveLength(1);
  });
});
