/** Settings → Channels: connect a new channel, and every connected one grouped by type. */
import { CHANNEL_LABELS } from '@parley/domain';
import { useRef, useState } from 'react';
import type { Assistant, Channel } from '../../api';
import { groupChannelsByKind } from '../../settings/channel-groups';
import { ChannelIcon } from '../ChannelIcon';
import { ChannelCard } from './ChannelCard';
import { ConnectChannelForm } from './ConnectChannelForm';
import { ConnectedChannelNotice } from './ConnectedChannelNotice';

interface Props {
  channels: Channel[];
  assistants: Assistant[];
  canEdit: boolean;
  onChannel: (channel: Channel) => void;
}

type Panel =
  | { state: 'closed' }
  | { state: 'connecting' }
  | { state: 'connected'; channel: Channel };

export function ChannelsSettings({ channels, assistants, canEdit, onChannel }: Props) {
  const [panel, setPanel] = useState<Panel>({ state: 'closed' });
  const connectButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    setPanel({ state: 'closed' });
    connectButton.current?.focus();
  };

  return (
    <section className="settings-section" aria-labelledby="channels-title">
      <div className="settings-section-head">
        <h2 id="channels-title">Channels</h2>
        {canEdit && (
          <button
            ref={connectButton}
            type="button"
            className="button button--primary"
            aria-expanded={panel.state === 'connecting'}
            aria-controls="connect-channel"
            onClick={() =>
              panel.state === 'connecting' ? close() : setPanel({ state: 'connecting' })
            }
          >
            Connect a channel
          </button>
        )}
      </div>
      <p className="settings-lede">
        Where conversations come from, and when the AI answers on each of them.
      </p>
      <div id="connect-channel">
        {panel.state === 'connecting' && (
          <ConnectChannelForm
            assistants={assistants}
            onConnected={(channel) => {
              onChannel(channel);
              setPanel({ state: 'connected', channel });
            }}
            onCancel={close}
          />
        )}
        {panel.state === 'connected' && (
          <ConnectedChannelNotice channel={panel.channel} onDismiss={close} />
        )}
      </div>
      {channels.length === 0 && <p className="settings-empty">No channels connected yet.</p>}
      {groupChannelsByKind(channels).map((group) => (
        <section key={group.kind} className="channel-group" aria-labelledby={`group-${group.kind}`}>
          <h3 id={`group-${group.kind}`} className="channel-group-title">
            <ChannelIcon kind={group.kind} size={18} decorative />
            {CHANNEL_LABELS[group.kind]}
          </h3>
          <ul className="settings-cards">
            {group.channels.map((channel) => (
              <li key={channel.id}>
                <ChannelCard
                  channel={channel}
                  assistants={assistants}
                  canEdit={canEdit}
                  onSaved={onChannel}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
