/**
 * The Gmail REST resources Parley reads and writes, typed as Google documents them
 * (gmail/v1 users.messages, users.history, users.watch, users.getProfile). Only the fields
 * Parley uses are listed; Google may send more.
 */

export interface GmailHeader {
  name: string;
  value: string;
}

export interface GmailMessagePartBody {
  /** Present when the content is stored separately (attachments, large parts). */
  attachmentId?: string;
  size: number;
  /** The part's bytes after transfer decoding, base64url encoded. */
  data?: string;
}

export interface GmailMessagePart {
  partId?: string;
  mimeType: string;
  filename?: string;
  headers?: GmailHeader[];
  body?: GmailMessagePartBody;
  parts?: GmailMessagePart[];
}

/** users.messages.get with format=full. */
export interface GmailMessage {
  id: string;
  threadId: string;
  labelIds?: string[];
  snippet?: string;
  historyId?: string;
  /** Milliseconds since the epoch, as a decimal string. */
  internalDate?: string;
  sizeEstimate?: number;
  payload?: GmailMessagePart;
}

export interface GmailMessageRef {
  id: string;
  threadId: string;
  labelIds?: string[];
}

export interface GmailHistoryRecord {
  id: string;
  messages?: GmailMessageRef[];
  messagesAdded?: { message: GmailMessageRef }[];
}

/** users.history.list: `history` is absent when nothing changed. */
export interface GmailHistoryPage {
  history?: GmailHistoryRecord[];
  nextPageToken?: string;
  historyId: string;
}

/** users.messages.list */
export interface GmailMessageListPage {
  messages?: { id: string; threadId: string }[];
  nextPageToken?: string;
  resultSizeEstimate?: number;
}

export interface GmailProfile {
  emailAddress: string;
  messagesTotal?: number;
  threadsTotal?: number;
  historyId: string;
}

export interface GmailWatchResponse {
  historyId: string;
  /** Milliseconds since the epoch, as a decimal string. */
  expiration: string;
}

/** The error body every Google API answers with. */
export interface GoogleApiErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    errors?: { reason?: string; message?: string; domain?: string }[];
  };
}
