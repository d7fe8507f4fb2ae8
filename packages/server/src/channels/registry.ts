/** Which connector serves each channel kind. Adding a channel = one folder + one line here. */
import type { ChannelKind } from '@parley/domain';
import type { ChannelConnector } from './connector.js';
import { facebookCommentConnector } from './facebook-comment/index.js';
import { gmailConnector } from './gmail/index.js';
import { instagramCommentConnector } from './instagram-comment/index.js';
import { instagramDmConnector } from './instagram-dm/index.js';
import { messengerConnector } from './messenger/index.js';
import {
  shareLinkConnector,
  shopifyWidgetConnector,
  websiteWidgetConnector,
} from './widget/index.js';

const connectors: Partial<Record<ChannelKind, ChannelConnector>> = {
  website_widget: websiteWidgetConnector,
  share_link: shareLinkConnector,
  shopify_widget: shopifyWidgetConnector,
  messenger: messengerConnector,
  instagram_dm: instagramDmConnector,
  instagram_comment: instagramCommentConnector,
  facebook_comment: facebookCommentConnector,
  gmail: gmailConnector,
};

export function connectorFor(kind: ChannelKind): ChannelConnector | undefined {
  return connectors[kind];
}
