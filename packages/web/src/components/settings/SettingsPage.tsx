/** The settings area: channels, assistants, the team, API keys and the audit log of the
 * workspace. Everyone may look (except at API keys and the audit log, which only admins may
 * see); only admins may change anything (the server enforces it, the page says so up front).
 * Security is everyone's own sign-in. */
import { api, type Session } from '../../api';
import { useAnalysisSettings } from '../../hooks/useAnalysisSettings';
import { useRemoteList } from '../../hooks/useRemoteList';
import { useSettingsData } from '../../hooks/useSettingsData';
import type { Route, SettingsSection } from '../../routes';
import { listedKeyOf, markRevoked } from '../../settings/api-keys';
import { putTeammate } from '../../settings/team';
import { TopBar } from '../TopBar';
import { AdminOnlyNote } from './AdminOnlyNote';
import { ApiKeysSettings } from './ApiKeysSettings';
import { AssistantsSettings } from './AssistantsSettings';
import { AuditLogSettings } from './AuditLogSettings';
import { ChannelsSettings } from './ChannelsSettings';
import { IntelligenceSettings } from './IntelligenceSettings';
import { KnowledgeSettings } from './KnowledgeSettings';
import { SecuritySettings } from './SecuritySettings';
import { SettingsNav } from './SettingsNav';
import { TeamSettings } from './TeamSettings';

interface Props {
  session: Session;
  section: SettingsSection;
  onNavigate: (route: Route) => void;
  onLoggedOut: () => void;
  /** Two-factor sign-in was just turned on (the session may have been waiting for it). */
  onTwoFactorEnabled: () => void;
}

const LOADING: Record<SettingsSection, string> = {
  channels: 'Loading settings…',
  assistants: 'Loading settings…',
  knowledge: 'Loading assistants…',
  intelligence: 'Loading settings…',
  team: 'Loading the team…',
  'api-keys': 'Loading API keys…',
  'audit-log': 'Loading the audit log…',
  security: 'Loading…',
};

/** The audit log loads, pages and filters itself (see AuditLogSettings). */
const LOADS_ITSELF = { loading: false, error: null, reload: () => undefined };

export function SettingsPage({
  session,
  section,
  onNavigate,
  onLoggedOut,
  onTwoFactorEnabled,
}: Props) {
  const canEdit = session.user.role === 'admin';
  // Each page loads only what it shows.
  const data = useSettingsData(section === 'channels' || section === 'assistants');
  const team = useRemoteList(api.listTeammates, section === 'team');
  // Agents would get 403: their page explains instead of asking.
  const apiKeys = useRemoteList(api.listApiKeys, section === 'api-keys' && canEdit);
  const intelligence = useAnalysisSettings(section === 'intelligence');
  const knowledgeAssistants = useRemoteList(api.listAssistants, section === 'knowledge');
  const current =
    section === 'team'
      ? team
      : section === 'api-keys'
        ? apiKeys
        : section === 'audit-log'
          ? LOADS_ITSELF
          : section === 'intelligence'
            ? intelligence
            : section === 'knowledge'
              ? knowledgeAssistants
              : data;
  const ready = !current.loading && !current.error;

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
        <main className="settings-main" aria-busy={current.loading}>
          {!canEdit &&
            section !== 'security' &&
            (section === 'api-keys' ? (
              <AdminOnlyNote>
                <strong>Admins only.</strong> Only workspace admins can see, create and revoke API
                keys; ask an admin if a script of yours needs one.
              </AdminOnlyNote>
            ) : section === 'audit-log' ? (
              <AdminOnlyNote>
                <strong>Admins only.</strong> Only workspace admins can read the audit log of
                sign-ins and settings changes.
              </AdminOnlyNote>
            ) : (
              <AdminOnlyNote />
            ))}
          {current.loading && (
            <p className="settings-empty" role="status">
              {LOADING[section]}
            </p>
          )}
          {current.error && (
            <div className="list-error" role="alert">
              <p>{current.error}</p>
              <button type="button" className="button" onClick={current.reload}>
                Try again
              </button>
            </div>
          )}
          {ready && section === 'channels' && (
            <ChannelsSettings
              channels={data.channels}
              assistants={data.assistants}
              canEdit={canEdit}
              onChannel={data.putChannel}
            />
          )}
          {ready && section === 'assistants' && (
            <AssistantsSettings
              assistants={data.assistants}
              canEdit={canEdit}
              modelSettingsAvailable={data.modelSettingsAvailable}
              onAssistant={data.putAssistant}
              onDeleted={data.removeAssistant}
            />
          )}
          {ready && section === 'knowledge' && (
            <KnowledgeSettings assistants={knowledgeAssistants.items} canEdit={canEdit} />
          )}
          {ready && section === 'intelligence' && intelligence.settings && (
            <IntelligenceSettings
              settings={intelligence.settings}
              canEdit={canEdit}
              onSaved={intelligence.set}
            />
          )}
          {ready && section === 'team' && (
            <TeamSettings
              teammates={team.items}
              currentUserId={session.user.id}
              canEdit={canEdit}
              onAdded={(teammate) => team.update((items) => putTeammate(items, teammate))}
              onRemoved={(id) => team.update((items) => items.filter((item) => item.id !== id))}
            />
          )}
          {section === 'audit-log' && canEdit && <AuditLogSettings />}
          {ready && section === 'security' && (
            <SecuritySettings
              isAdmin={canEdit}
              enrollmentRequired={session.twoFactorEnrollmentRequired}
              onTwoFactorEnabled={onTwoFactorEnabled}
            />
          )}
          {ready && section === 'api-keys' && (
            <ApiKeysSettings
              apiKeys={apiKeys.items}
              canEdit={canEdit}
              onCreated={(created) => apiKeys.update((items) => [listedKeyOf(created), ...items])}
              onRevoked={(id) => apiKeys.update((items) => markRevoked(items, id, new Date()))}
            />
          )}
        </main>
      </div>
    </div>
  );
}
