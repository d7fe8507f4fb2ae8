/**
 * Website widget, Shopify widget and share link: the visitor's browser talks to Parley
 * itself, so "sending" a reply means it is stored and streamed to the widget — no platform.
 */
import type { ChannelKind } from '@parley/domain';
import type { ChannelConnector } from '../connector.js';

function widgetConnector(kind: ChannelKind): ChannelConnector {
  return {
    kind,
    capabilities: { maxTextLength: 4000, attachments: false },
    async send(message) {
      return { ok: true, externalId: `parley:${message.id}` };
    },
  };
}

export const websiteWidgetConnector = widgetConnector('website_widget');
export const shareLinkConnector = widgetConnector('share_link');
export const shopifyWidgetConnector = widgetConnector('shopify_widget');
