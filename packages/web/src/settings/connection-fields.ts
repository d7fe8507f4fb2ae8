/** What an admin enters to connect each kind of channel (docs/api.md, POST /api/channels). The
 * checks mirror the server's so mistakes show before sending; the server remains the judge. */
import type { ChannelKind } from '@parley/domain';

export interface ConnectionField {
  /** The key in the request's `connection` object. */
  key: string;
  label: string;
  hint: string;
  /** Secrets use password inputs: they are never shown again after connecting. */
  secret: boolean;
  required: boolean;
  inputType: 'text' | 'email' | 'url';
  placeholder?: string;
  /** Returns what is wrong with a non-empty value, or null. */
  check?: (value: string) => string | null;
}

const matches = (pattern: RegExp, message: string) => (value: string) =>
  pattern.test(value) ? null : message;

const atLeast = (length: number, message: string) => (value: string) =>
  value.length >= length ? null : message;

const isHttpUrl = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

const META_FIELDS: ConnectionField[] = [
  {
    key: 'accountId',
    label: 'Account id',
    hint: 'The numeric id Meta shows for the Facebook Page or the Instagram professional account.',
    secret: false,
    required: true,
    inputType: 'text',
    placeholder: '104857392018475',
    check: matches(
      /^\d{5,30}$/,
      'The account id is the numeric id Meta shows for the Page or account.',
    ),
  },
  {
    key: 'accessToken',
    label: 'Access token',
    hint: 'A long-lived Page access token from your Meta app.',
    secret: true,
    required: true,
    inputType: 'text',
    check: atLeast(20, 'The access token looks too short.'),
  },
  {
    key: 'appSecret',
    label: 'App secret',
    hint: 'From the Meta app settings (32 hexadecimal characters); it proves webhooks come from Meta.',
    secret: true,
    required: true,
    inputType: 'text',
    check: matches(
      /^[0-9a-f]{32}$/i,
      'The app secret is the 32-character hex string from the app settings.',
    ),
  },
  {
    key: 'verifyToken',
    label: 'Verify token',
    hint: 'A phrase of your choice, at least 8 characters. Enter the same one when you add the webhook in Meta.',
    secret: true,
    required: true,
    inputType: 'text',
    check: atLeast(8, 'Choose a verify token of at least 8 characters.'),
  },
  {
    key: 'graphApiBaseUrl',
    label: 'Graph API base URL',
    hint: 'Optional. Leave empty for https://graph.facebook.com.',
    secret: false,
    required: false,
    inputType: 'url',
    placeholder: 'https://graph.facebook.com',
    check: (value) => (isHttpUrl(value) ? null : 'The Graph API base URL must be an http(s) URL.'),
  },
  {
    key: 'graphApiVersion',
    label: 'Graph API version',
    hint: 'Optional. Leave empty for the version Parley was tested with.',
    secret: false,
    required: false,
    inputType: 'text',
    placeholder: 'v21.0',
    check: matches(/^v\d+\.\d+$/, 'The Graph API version looks like v21.0.'),
  },
];

const GMAIL_FIELDS: ConnectionField[] = [
  {
    key: 'emailAddress',
    label: 'Email address',
    hint: 'The mailbox Parley reads and replies from.',
    secret: false,
    required: true,
    inputType: 'email',
    placeholder: 'support@shop.example',
    check: matches(
      /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
      'Enter an email address like support@shop.example.',
    ),
  },
  {
    key: 'clientId',
    label: 'OAuth client id',
    hint: 'From the Google Cloud console, under APIs & Services → Credentials.',
    secret: false,
    required: true,
    inputType: 'text',
    check: atLeast(10, 'The OAuth client id looks too short.'),
  },
  {
    key: 'clientSecret',
    label: 'OAuth client secret',
    hint: 'The secret of that OAuth client.',
    secret: true,
    required: true,
    inputType: 'text',
    check: atLeast(8, 'The OAuth client secret looks too short.'),
  },
  {
    key: 'refreshToken',
    label: 'Refresh token',
    hint: 'Granted by the mailbox owner for the Gmail API scopes.',
    secret: true,
    required: true,
    inputType: 'text',
    check: atLeast(10, 'The refresh token looks too short.'),
  },
  {
    key: 'pubsubTopic',
    label: 'Pub/Sub topic',
    hint: 'Optional. With a topic Gmail notifies Parley at once (push); without one, Parley checks the mailbox every minute.',
    secret: false,
    required: false,
    inputType: 'text',
    placeholder: 'projects/my-project/topics/gmail',
    check: matches(
      /^projects\/[^/]+\/topics\/[^/]+$/,
      'The topic looks like projects/<project>/topics/<name>.',
    ),
  },
  {
    key: 'pushToken',
    label: 'Push token',
    hint: 'Optional. A secret Parley expects on every push from Pub/Sub, at least 16 characters; Parley makes one up when left empty.',
    secret: true,
    required: false,
    inputType: 'text',
    check: atLeast(16, 'The push token needs at least 16 characters.'),
  },
];

/** Widgets and share links need no credentials. */
export const CONNECTION_FIELDS: Record<ChannelKind, ConnectionField[]> = {
  website_widget: [],
  share_link: [],
  shopify_widget: [],
  messenger: META_FIELDS,
  facebook_comment: META_FIELDS,
  instagram_dm: META_FIELDS,
  instagram_comment: META_FIELDS,
  gmail: GMAIL_FIELDS,
};

/** Widgets and share links work without credentials, so they count as connected. */
export function needsCredentials(kind: ChannelKind): boolean {
  return CONNECTION_FIELDS[kind].length > 0;
}

/** Meta confirms a webhook with the verify token, so the admin must enter it there too. */
export function usesVerifyToken(kind: ChannelKind): boolean {
  return CONNECTION_FIELDS[kind].some((field) => field.key === 'verifyToken');
}

export function connectionFieldError(field: ConnectionField, value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return field.required ? `${field.label} is required.` : null;
  return field.check?.(trimmed) ?? null;
}
