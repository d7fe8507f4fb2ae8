/** The connector behind each Meta channel kind: one Meta app delivers to all four. */
import { facebookCommentConnector } from '../../channels/facebook-comment/index.js';
import { instagramCommentConnector } from '../../channels/instagram-comment/index.js';
import { instagramDmConnector } from '../../channels/instagram-dm/index.js';
import { messengerConnector } from '../../channels/messenger/index.js';
import type { MetaChannelKind } from '../../channels/meta/envelope.js';
import type { MetaConnector } from '../../channels/meta/meta-connector.js';

export const META_CONNECTORS: Record<MetaChannelKind, MetaConnector> = {
  messenger: messengerConnector,
  instagram_dm: instagramDmConnector,
  instagram_comment: instagramCommentConnector,
  facebook_comment: facebookCommentConnector,
};
