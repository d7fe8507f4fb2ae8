/** The channel kinds Parley connects to, and what each one can do. */

export const CHANNEL_KINDS = [
  'website_widget',
  'share_link',
  'shopify_widget',
  'instagram_dm',
  'instagram_comment',
  'messenger',
  'facebook_comment',
  'gmail',
] as const;

export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export function isChannelKind(value: string): value is ChannelKind {
  return (CHANNEL_KINDS as readonly string[]).includes(value);
}

export const CHANNEL_LABELS: Record<ChannelKind, string> = {
  website_widget: 'Website widget',
  share_link: 'Share link',
  shopify_widget: 'Shopify widget',
  instagram_dm: 'Instagram DM',
  instagram_comment: 'Instagram comment',
  messenger: 'Facebook Messenger',
  facebook_comment: 'Facebook comment',
  gmail: 'Gmail',
};
