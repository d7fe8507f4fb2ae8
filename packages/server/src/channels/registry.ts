/** Which connector serves each channel kind. Adding a channel = one folder + one line here. */
import type { ChannelKind } from '@parley/domain';
import type { ChannelConnector } from './connector.js';
import {
  shareLinkConnector,
  shopifyWidgetConnector,
  websiteWidgetConnector,
} from './widget/index.js';

const connectors: Partial<Record<ChannelKind, ChannelConnector>> = {
  website_widget: websiteWidgetConnector,
  share_link: shareLinkConnector,
  shopify_widget: shopifyWidgetConnector,
};

export function connectorFor(kind: ChannelKind): ChannelConnector | undefined {
  return connectors[kind];
}
