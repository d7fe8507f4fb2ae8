/** Settings → Team: everyone who signs in to the workspace. Admins add teammates and remove
 * them (never themselves); agents see the list only. */
import { api, type Teammate } from '../../api';
import { calendarDate, fullTime } from '../../format';
import { useListPanel } from '../../hooks/useListPanel';
import { ROLE_LABELS } from '../../settings/roles';
import { canRemoveTeammate, sortTeammates } from '../../settings/team';
import { AddedTeammateNotice } from './AddedTeammateNotice';
import { AddTeammateForm } from './AddTeammateForm';
import { ConfirmDialog } from './ConfirmDialog';
import { TableScroll } from './TableScroll';

interface Props {
  teammates: Teammate[];
  currentUserId: string;
  canEdit: boolean;
  onAdded: (teammate: Teammate) => void;
  onRemoved: (id: string) => void;
}

type Panel = { state: 'closed' } | { state: 'adding' } | { state: 'added'; teammate: Teammate };
const CLOSED: Panel = { state: 'closed' };

export function TeamSettings({ teammates, currentUserId, canEdit, onAdded, onRemoved }: Props) {
  const list = useListPanel<Panel, Teammate>(CLOSED);
  const { panel, setPanel, close } = list;
  const removing = list.confirming;
  const setRemoving = list.setConfirming;
  const addButton = list.opener;
  const outcomeNote = list.outcomeNote;
  const outcome = list.outcome;

  const remove = async (teammate: Teammate) => {
    await api.removeTeammate(teammate.id);
    onRemoved(teammate.id);
    setRemoving(null);
    if (panel.state === 'added' && panel.teammate.id === teammate.id) {
      setPanel({ state: 'closed' });
    }
    list.announce(`${teammate.name} was removed from the team and signed out.`);
  };

  return (
    <section className="settings-section" aria-labelledby="team-title">
      <div className="settings-section-head">
        <h2 id="team-title">Team</h2>
        {canEdit && (
          <button
            ref={addButton}
            type="button"
            className="button button--primary"
            aria-expanded={panel.state === 'adding'}
            aria-controls="add-teammate"
            onClick={() => {
              list.clearOutcome();
              if (panel.state === 'adding') close();
              else setPanel({ state: 'adding' });
            }}
          >
            Add a teammate
          </button>
        )}
      </div>
      <p className="settings-lede">
        Everyone who signs in to this workspace. Agents work the inbox; admins also change settings,
        teammates and API keys.
      </p>
      <div id="add-teammate">
        {panel.state === 'adding' && (
          <AddTeammateForm
            onAdded={(teammate) => {
              onAdded(teammate);
              setPanel({ state: 'added', teammate });
            }}
            onCancel={close}
          />
        )}
        {panel.state === 'added' && (
          <AddedTeammateNotice teammate={panel.teammate} onDismiss={close} />
        )}
      </div>
      {outcome && (
        <p ref={outcomeNote} className="note note--success" tabIndex={-1}>
          {outcome.text}
        </p>
      )}
      {teammates.length === 0 ? (
        <p className="settings-empty">No teammates yet.</p>
      ) : (
        <TableScroll label="Teammates">
          <table className="settings-table">
            <caption className="visually-hidden">Teammates</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Added</th>
                {canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {sortTeammates(teammates).map((teammate) => {
                const isYou = teammate.id === currentUserId;
                return (
                  <tr key={teammate.id} data-user-id={teammate.id}>
                    <th scope="row">
                      {teammate.name}
                      {isYou && <span className="tag tag--neutral">You</span>}
                    </th>
                    <td className="settings-table-wrap">{teammate.email}</td>
                    <td>{ROLE_LABELS[teammate.role]}</td>
                    <td>
                      <time dateTime={teammate.createdAt} title={fullTime(teammate.createdAt)}>
                        {calendarDate(teammate.createdAt)}
                      </time>
                    </td>
                    {canEdit && (
                      <td className="settings-table-actions">
                        {canRemoveTeammate(teammate, currentUserId, canEdit) && (
                          <button
                            type="button"
                            className="button button--small"
                            onClick={() => {
                              list.clearOutcome();
                              setRemoving(teammate);
                            }}
                          >
                            Remove<span className="visually-hidden"> {teammate.name}</span>
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.name}?`}
          confirmLabel="Remove teammate"
          busyLabel="Removing…"
          onConfirm={() => remove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <p>
            {removing.name} ({removing.email}) is signed out at once and can no longer sign in. Any
            API keys they created are deleted and stop working. The conversations they worked on
            stay.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
