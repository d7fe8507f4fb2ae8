/** Settings → API keys: keys that let scripts use the API. Admins list, create and revoke them;
 * a new key is shown once. Agents may not see keys at all (the server answers 403), so for
 * them the page only explains what keys are. */
import { type ApiKey, api, type CreatedApiKey } from '../../api';
import { calendarDate, fullTime } from '../../format';
import { useListPanel } from '../../hooks/useListPanel';
import { isRevoked, keyPreview, orderApiKeys } from '../../settings/api-keys';
import { ROLE_LABELS } from '../../settings/roles';
import { ApiKeyUsage } from './ApiKeyUsage';
import { ConfirmDialog } from './ConfirmDialog';
import { CreateApiKeyForm } from './CreateApiKeyForm';
import { CreatedApiKeyNotice } from './CreatedApiKeyNotice';
import { TableScroll } from './TableScroll';

interface Props {
  apiKeys: ApiKey[];
  canEdit: boolean;
  onCreated: (key: CreatedApiKey) => void;
  onRevoked: (id: string) => void;
}

type Panel =
  | { state: 'closed' }
  | { state: 'creating' }
  | { state: 'created'; apiKey: CreatedApiKey };
const CLOSED: Panel = { state: 'closed' };

function When({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={fullTime(iso)}>
      {calendarDate(iso)}
    </time>
  );
}

export function ApiKeysSettings({ apiKeys, canEdit, onCreated, onRevoked }: Props) {
  const list = useListPanel<Panel, ApiKey>(CLOSED);
  const { panel, setPanel } = list;
  const revoking = list.confirming;
  const setRevoking = list.setConfirming;
  const createButton = list.opener;
  const outcomeNote = list.outcomeNote;
  const outcome = list.outcome;
  // Closing the notice is what forgets the full key.
  const close = list.close;

  const revoke = async (key: ApiKey) => {
    await api.revokeApiKey(key.id);
    onRevoked(key.id);
    setRevoking(null);
    list.announce(`“${key.name}” was revoked. Requests that send it are now refused.`);
  };

  return (
    <section className="settings-section" aria-labelledby="api-keys-title">
      <div className="settings-section-head">
        <h2 id="api-keys-title">API keys</h2>
        {canEdit && (
          <button
            ref={createButton}
            type="button"
            className="button button--primary"
            aria-expanded={panel.state === 'creating'}
            aria-controls="create-api-key"
            onClick={() => {
              list.clearOutcome();
              if (panel.state === 'creating') close();
              else setPanel({ state: 'creating' });
            }}
          >
            Create an API key
          </button>
        )}
      </div>
      <p className="settings-lede">
        Keys let scripts and integrations use the Parley API without a password, e.g. to export
        conversations or answer them from another tool.
      </p>
      {canEdit && (
        <>
          <div id="create-api-key">
            {panel.state === 'creating' && (
              <CreateApiKeyForm
                onCreated={(apiKey) => {
                  onCreated(apiKey);
                  setPanel({ state: 'created', apiKey });
                }}
                onCancel={close}
              />
            )}
            {panel.state === 'created' && (
              <CreatedApiKeyNotice apiKey={panel.apiKey} onDismiss={close} />
            )}
          </div>
          {outcome && (
            <p ref={outcomeNote} className="note note--success" tabIndex={-1}>
              {outcome.text}
            </p>
          )}
          {apiKeys.length === 0 ? (
            <p className="settings-empty">No API keys yet.</p>
          ) : (
            <TableScroll label="API keys">
              <table className="settings-table">
                <caption className="visually-hidden">API keys</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Role</th>
                    <th scope="col">Key</th>
                    <th scope="col">Created</th>
                    <th scope="col">Last used</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {orderApiKeys(apiKeys).map((key) => (
                    <tr key={key.id} data-api-key-id={key.id}>
                      <th scope="row" className="settings-table-wrap">
                        {key.name}
                      </th>
                      <td>{ROLE_LABELS[key.role]}</td>
                      <td>
                        <code>{keyPreview(key.prefix)}</code>
                      </td>
                      <td>
                        <When iso={key.createdAt} />
                      </td>
                      <td>{key.lastUsedAt ? <When iso={key.lastUsedAt} /> : 'Never'}</td>
                      <td>
                        {key.revokedAt ? (
                          <span className="tag tag--neutral">
                            Revoked <When iso={key.revokedAt} />
                          </span>
                        ) : (
                          <span className="tag tag--ok">Active</span>
                        )}
                      </td>
                      <td className="settings-table-actions">
                        {!isRevoked(key) && (
                          <button
                            type="button"
                            className="button button--small"
                            onClick={() => {
                              list.clearOutcome();
                              setRevoking(key);
                            }}
                          >
                            Revoke<span className="visually-hidden"> {key.name}</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
      <ApiKeyUsage />
      {revoking && (
        <ConfirmDialog
          title={`Revoke “${revoking.name}”?`}
          confirmLabel="Revoke key"
          busyLabel="Revoking…"
          onConfirm={() => revoke(revoking)}
          onCancel={() => setRevoking(null)}
        >
          <p>
            Scripts that send this key ({keyPreview(revoking.prefix)}) are refused from now on. This
            cannot be undone; a script that still needs access needs a new key.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
