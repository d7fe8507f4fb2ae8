/** The settings area: channels and assistants of the workspace. Everyone may look; only admins
 * may change anything (the server enforces it, the page says so up front). */
import type { Session } from '../../api';
import { useSettingsData } from '../../hooks/useSettingsData';
import type { Route, SettingsSection } from '../../routes';
import { TopBar } from '../TopBar';
import { AdminOnlyNote } from './AdminOnlyNote';
import { AssistantsSettings } from './AssistantsSettings';
import { ChannelsSettings } from './ChannelsSettings';
import { SettingsNav } from './SettingsNav';

interface Props {
  session: Session;
  section: SettingsSection;
  onNavigate: (route: Route) => void;
  onLoggedOut: () => void;
}

export function SettingsPage({ session, section, onNavigate, onLoggedOut }: Props) {
  const data = useSettingsData();
  const canEdit = session.user.role === 'admin';

  return (
    <div className="app">
      <TopBar
        session={session}
        route={{ page: 'settings', section }}
        onNavigate={onNavigate}
        onLoggedOut={onLoggedOut}
      />
      <div className="settings">
        <SettingsNav section={section} onNavigate={onNavigate} />
        <main className="settings-main" aria-busy={data.loading}>
          {!canEdit && <AdminOnlyNote />}
          {data.loading && (
            <p className="settings-empty" role="status">
              Loading settings…
            </p>
          )}
          {data.error && (
            <div className="list-error" role="alert">
              <p>{data.error}</p>
              <button type="button" className="button" onClick={data.reload}>
                Try again
              </button>
            </div>
          )}
          {!data.loading && !data.error && section === 'channels' && (
            <ChannelsSettings
              channels={data.channels}
              assistants={data.assistants}
              canEdit={canEdit}
              onChannel={data.putChannel}
            />
          )}
          {!data.loading && !data.error && section === 'assistants' && (
            <AssistantsSettings
              assistants={data.assistants}
              canEdit={canEdit}
              onAssistant={data.putAssistant}
            />
          )}
        </main>
      </div>
    </div>
  );
}
