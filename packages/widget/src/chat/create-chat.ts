import { type ChatChannel, createWidgetApi } from './api.js';
import { ChatController } from './controller.js';
import { safeStorage } from './storage.js';
import { openMessageStream } from './stream.js';
import { uuid } from './uuid.js';
import { loadVisitor } from './visitor.js';

export interface ChatSetup {
  apiBase: string;
  publicKey: string;
  channel: ChatChannel;
  /** Extra facts for the session, e.g. the Shopify shop and customer id. */
  sessionFields?: { shop?: string; customerId?: string };
}

/** Wires a chat controller to the browser: fetch, EventSource and web storage. */
export function createChat(setup: ChatSetup): ChatController {
  const { apiBase, publicKey, channel } = setup;
  const visitor = loadVisitor(
    safeStorage(() => localStorage),
    publicKey,
    uuid,
  );
  const tabStore = safeStorage(() => sessionStorage);
  return new ChatController({
    api: createWidgetApi(apiBase, publicKey),
    visitor,
    session: { ...setup.sessionFields, key: publicKey, visitorId: visitor.id, channel },
    listen(conversationId, lastEventId, handlers) {
      const target = { apiBase, key: publicKey, visitorId: visitor.id, conversationId };
      openMessageStream({ target, store: tabStore, resumeFrom: lastEventId, ...handlers });
    },
    newId: () => uuid(),
    now: () => new Date().toISOString(),
  });
}
