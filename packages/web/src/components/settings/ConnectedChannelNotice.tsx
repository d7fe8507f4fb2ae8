/** Shown right after connecting: what was created and the step left on the platform's side. */
import { CHANNEL_LABELS } from '@parley/domain';
import { useEffect, useRef } from 'react';
import type { Channel } from '../../api';
import { usesVerifyToken } from '../../settings/connection-fields';
import { absoluteUrl } from '../../settings/urls';
import { ChannelIcon } from '../ChannelIcon';
import { CopyField } from './CopyField';

interface Props {
  channel: Channel;
  onDismiss: () => void;
}

export function ConnectedChannelNotice({ channel, onDismiss }: Props) {
  // The form that had focus is gone; the outcome is the natural next thing to read.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="settings-card settings-card--success" aria-labelledby="connected-title">
      <h3 id="connected-title" ref={heading} tabIndex={-1} className="connected-title">
        <ChannelIcon kind={channel.kind} size={22} decorative />
        {channel.name} is connected
      </h3>
      <p>
        {CHANNEL_LABELS[channel.kind]}
        {channel.externalAccountId ? ` · account ${channel.externalAccountId}` : ''}. Its rules are
        in the list below.
      </p>
      {channel.webhookUrl && (
        <CopyField
          label="Webhook URL"
          value={absoluteUrl(channel.webhookUrl, window.location.origin)}
          hint="Enter this as the callback URL in the platform’s webhook settings."
        />
      )}
      {usesVerifyToken(channel.kind) && (
        <p className="note note--info">
          <strong>Next, in your Meta app:</strong> add a webhook with{' '}
          {channel.webhookUrl ? 'the URL above' : 'Parley’s webhook URL'} and the verify token you
          just chose. Parley never shows secrets again, so keep the token at hand until Meta has
          confirmed the webhook.
        </p>
      )}
      <button type="button" className="button" onClick={onDismiss}>
        Done
      </button>
    </section>
  );
}
