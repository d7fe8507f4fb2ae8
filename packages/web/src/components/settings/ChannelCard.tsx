/** One connected channel: what it is, whether it works, where its webhooks go, and its rules
 * behind an "Edit rules" disclosure so the list stays scannable. */
import { useId, useState } from 'react';
import type { Assistant, Channel } from '../../api';
import { needsCredentials } from '../../settings/connection-fields';
import { absoluteUrl } from '../../settings/urls';
import { ChannelIcon } from '../ChannelIcon';
import { ChannelRulesForm } from './ChannelRulesForm';
import { CopyField } from './CopyField';

interface Props {
  channel: Channel;
  assistants: Assistant[];
  canEdit: boolean;
  onSaved: (channel: Channel) => void;
}

export function ChannelCard({ channel, assistants, canEdit, onSaved }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const assistant = assistants.find((item) => item.id === channel.assistantId);
  const connected = channel.connected || !needsCredentials(channel.kind);

  return (
    <article className="settings-card" aria-labelledby={`${id}-name`} data-channel-id={channel.id}>
      <div className="settings-card-head">
        <ChannelIcon kind={channel.kind} size={22} />
        <div className="settings-card-title">
          <h4 id={`${id}-name`}>{channel.name}</h4>
          <dl className="facts">
            {channel.externalAccountId && (
              <div>
                <dt>Account id</dt>
                <dd>{channel.externalAccountId}</dd>
              </div>
            )}
            <div>
              <dt>Assistant</dt>
              <dd>{assistant?.name ?? 'None'}</dd>
            </div>
            <div>
              <dt>Auto-reply</dt>
              <dd>{channel.rules.autoReply ? 'On' : 'Off'}</dd>
            </div>
          </dl>
        </div>
        <span className={connected ? 'tag tag--ok' : 'tag tag--warn'}>
          {connected ? 'Connected' : 'Not connected'}
        </span>
      </div>
      {channel.webhookUrl && (
        <CopyField
          label="Webhook URL"
          value={absoluteUrl(channel.webhookUrl, window.location.origin)}
          hint="Where the platform sends new messages; enter it in the platform’s webhook settings."
        />
      )}
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={`${id}-rules`}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide rules' : canEdit ? 'Edit rules' : 'Show rules'}
      </button>
      {/* Hidden rather than unmounted, so unsaved edits survive closing the disclosure. */}
      <div id={`${id}-rules`} className="settings-card-body" hidden={!open}>
        <ChannelRulesForm
          channel={channel}
          assistants={assistants}
          canEdit={canEdit}
          onSaved={onSaved}
        />
      </div>
    </article>
  );
}
