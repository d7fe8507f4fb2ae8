/**
 * Meta payloads for tests, built exactly in the shapes Meta documents: webhook envelopes,
 * messaging events (Messenger Platform and Instagram Messaging), Page `feed` and Instagram
 * `comments` changes, Graph API error bodies, and the `X-Hub-Signature-256` Meta would send.
 */
import { createHmac } from 'node:crypto';

export const PAGE_ID = '104567890123456';
export const IG_ACCOUNT_ID = '17841400000000001';
export const APP_SECRET = '3c9d0a5f1e2b4c6d8e0f1a2b3c4d5e6f';
export const PSID = '6789012345678901';
export const IGSID = '5432109876543210';

type Json = Record<string, unknown>;

/** What Meta puts in `X-Hub-Signature-256` for this exact body. */
export function signMetaBody(rawBody: string | Buffer, appSecret = APP_SECRET): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

export function metaWebhook(object: 'page' | 'instagram', entries: Json[]): Json {
  return { object, entry: entries };
}

/** An entry of messaging events; Meta's `time` is in milliseconds here. */
export function messagingEntry(accountId: string, events: Json[], time = Date.now()): Json {
  return { id: accountId, time, messaging: events };
}

/** An entry of field changes (Page feed, Instagram comments). */
export function changesEntry(accountId: string, changes: Json[], time: number): Json {
  return { id: accountId, time, changes };
}

interface Between {
  from: string;
  to: string;
  timestamp: number;
}

export function textMessage(
  at: Between & { mid: string; text: string; quickReplyPayload?: string; replyToMid?: string },
): Json {
  return {
    sender: { id: at.from },
    recipient: { id: at.to },
    timestamp: at.timestamp,
    message: {
      mid: at.mid,
      text: at.text,
      ...(at.quickReplyPayload ? { quick_reply: { payload: at.quickReplyPayload } } : {}),
      ...(at.replyToMid ? { reply_to: { mid: at.replyToMid, is_self_reply: false } } : {}),
    },
  };
}

export function attachmentMessage(
  at: Between & { mid: string; attachments: { type: string; url: string }[] },
): Json {
  return {
    sender: { id: at.from },
    recipient: { id: at.to },
    timestamp: at.timestamp,
    message: {
      mid: at.mid,
      attachments: at.attachments.map(({ type, url }) => ({ type, payload: { url } })),
    },
  };
}

/** A link shared with the Page arrives as a `fallback` attachment with its title and URL. */
export function fallbackMessage(at: Between & { mid: string; title: string; url: string }): Json {
  return {
    sender: { id: at.from },
    recipient: { id: at.to },
    timestamp: at.timestamp,
    message: {
      mid: at.mid,
      attachments: [{ type: 'fallback', title: at.title, url: at.url, payload: null }],
    },
  };
}

/** `from` is the Page (or Instagram account) itself; `to` is the person. */
export function echoMessage(
  at: Between & { mid: string; text: string; appId?: number; metadata?: string },
): Json {
  return {
    sender: { id: at.from },
    recipient: { id: at.to },
    timestamp: at.timestamp,
    message: {
      is_echo: true,
      app_id: at.appId ?? 1517776481860111,
      mid: at.mid,
      text: at.text,
      ...(at.metadata ? { metadata: at.metadata } : {}),
    },
  };
}

export function postbackEvent(at: Between & { mid: string; title: string; payload: string }): Json {
  return {
    sender: { id: at.from },
    recipient: { id: at.to },
    timestamp: at.timestamp,
    postback: { mid: at.mid, title: at.title, payload: at.payload },
  };
}

/** Messenger `message_reads`: everything sent at or before the watermark was read. */
export function readEvent(at: Between & { watermark: number }): Json {
  return {
    sender: { id: at.from },
    recipient: { id: at.to },
    timestamp: at.timestamp,
    read: { watermark: at.watermark },
  };
}

/** Instagram `messaging_seen`: names the message that was seen. */
export function seenEvent(at: Between & { mid: string }): Json {
  return {
    sender: { id: at.from },
    recipient: { id: at.to },
    timestamp: at.timestamp,
    read: { mid: at.mid },
  };
}

/** Messenger `message_deliveries`: documented without a timestamp; `mids` may be absent. */
export function deliveryEvent(at: {
  from: string;
  to: string;
  mids?: string[];
  watermark: number;
}): Json {
  return {
    sender: { id: at.from },
    recipient: { id: at.to },
    delivery: { ...(at.mids ? { mids: at.mids } : {}), watermark: at.watermark },
  };
}

export function reactionEvent(at: Between & { mid: string }): Json {
  return {
    sender: { id: at.from },
    recipient: { id: at.to },
    timestamp: at.timestamp,
    reaction: { reaction: 'love', emoji: '\u2764\uFE0F', action: 'react', mid: at.mid },
  };
}

/** Messenger `message_edits`. */
export function messageEditEvent(at: Between & { mid: string; text: string }): Json {
  return {
    sender: { id: at.from },
    recipient: { id: at.to },
    timestamp: at.timestamp,
    message_edit: { mid: at.mid, text: at.text, num_edit: 1 },
  };
}

export function storyMentionMessage(at: Between & { mid: string; url: string }): Json {
  return attachmentMessage({ ...at, attachments: [{ type: 'story_mention', url: at.url }] });
}

export function storyReplyMessage(
  at: Between & { mid: string; text: string; storyId: string; url: string },
): Json {
  return {
    sender: { id: at.from },
    recipient: { id: at.to },
    timestamp: at.timestamp,
    message: { mid: at.mid, text: at.text, reply_to: { story: { url: at.url, id: at.storyId } } },
  };
}

/** Instagram: the person unsent a message. */
export function unsentMessage(at: Between & { mid: string }): Json {
  return {
    sender: { id: at.from },
    recipient: { id: at.to },
    timestamp: at.timestamp,
    message: { mid: at.mid, is_deleted: true },
  };
}

export function instagramComment(comment: {
  id: string;
  text: string;
  from: { id: string; username: string };
  mediaId: string;
  mediaProductType?: string;
  parentId?: string;
}): Json {
  return {
    field: 'comments',
    value: {
      id: comment.id,
      from: comment.from,
      text: comment.text,
      media: { id: comment.mediaId, media_product_type: comment.mediaProductType ?? 'FEED' },
      ...(comment.parentId ? { parent_id: comment.parentId } : {}),
    },
  };
}

/** A Page `feed` change about a comment; `createdTime` is in seconds, as Meta sends it. */
export function feedComment(comment: {
  verb: 'add' | 'edited' | 'remove' | 'hide';
  commentId: string;
  postId: string;
  /** The post id for a top-level comment, the top-level comment id for a reply. */
  parentId: string;
  from?: { id: string; name: string };
  message?: string;
  createdTime: number;
  permalink?: string;
  photo?: string;
}): Json {
  return {
    field: 'feed',
    value: {
      ...(comment.from ? { from: comment.from } : {}),
      ...(comment.permalink
        ? {
            post: {
              status_type: 'added_photos',
              is_published: true,
              permalink_url: comment.permalink,
              id: comment.postId,
            },
          }
        : {}),
      ...(comment.message !== undefined ? { message: comment.message } : {}),
      ...(comment.photo ? { photo: comment.photo } : {}),
      post_id: comment.postId,
      comment_id: comment.commentId,
      created_time: comment.createdTime,
      item: 'comment',
      parent_id: comment.parentId,
      verb: comment.verb,
    },
  };
}

/** Any other feed item (post, reaction, share...), which the comment connector leaves out. */
export function feedItem(item: string, verb: string, postId: string): Json {
  return { field: 'feed', value: { item, verb, post_id: postId, created_time: 1700000000 } };
}

/** A Graph API error as Meta returns it: an HTTP status and `{ error: {...} }`. */
export interface GraphErrorFixture {
  status: number;
  body: { error: Json };
}

const trace = 'AbCdEfGhIjK';

export const graphErrors = {
  outsideWindow: (): GraphErrorFixture => ({
    status: 400,
    body: {
      error: {
        message:
          '(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview',
        type: 'OAuthException',
        code: 10,
        error_subcode: 2018278,
        fbtrace_id: trace,
      },
    },
  }),
  rateLimited: (code: 4 | 17 | 32 | 613 = 613): GraphErrorFixture => ({
    status: 400,
    body: {
      error: {
        message: '(#613) Calls to this api have exceeded the rate limit.',
        type: 'OAuthException',
        code,
        fbtrace_id: trace,
      },
    },
  }),
  invalidToken: (): GraphErrorFixture => ({
    status: 400,
    body: {
      error: {
        message: 'Invalid OAuth access token - Cannot parse access token',
        type: 'OAuthException',
        code: 190,
        fbtrace_id: trace,
      },
    },
  }),
  userUnavailable: (): GraphErrorFixture => ({
    status: 400,
    body: {
      error: {
        message: "(#551) This person isn't available right now.",
        type: 'OAuthException',
        code: 551,
        error_subcode: 1545041,
        fbtrace_id: trace,
      },
    },
  }),
  temporary: (): GraphErrorFixture => ({
    status: 500,
    body: {
      error: {
        message: 'An unexpected error has occurred. Please retry your request later.',
        type: 'OAuthException',
        code: 2,
        is_transient: true,
        fbtrace_id: trace,
      },
    },
  }),
  invalidParameter: (message: string): GraphErrorFixture => ({
    status: 400,
    body: {
      error: { message: `(#100) ${message}`, type: 'OAuthException', code: 100, fbtrace_id: trace },
    },
  }),
  unknownObject: (id: string): GraphErrorFixture => ({
    status: 400,
    body: {
      error: {
        message: `Unsupported post request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
        type: 'GraphMethodException',
        code: 100,
        error_subcode: 33,
        fbtrace_id: trace,
      },
    },
  }),
};
