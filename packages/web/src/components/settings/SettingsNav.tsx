/** The settings sections, as links so each has its own URL. */
import { type Route, SETTINGS_SECTIONS, type SettingsSection } from '../../routes';
import { RouteLink } from '../RouteLink';

const LABELS: Record<SettingsSection, string> = {
  channels: 'Channels',
  assistants: 'Assistants',
  knowledge: 'Knowledge',
  intelligence: 'Intelligence',
  team: 'Team',
  'api-keys': 'API keys',
  'audit-log': 'Audit log',
  security: 'Security',
};

interface Props {
  section: SettingsSection;
  onNavigate: (route: Route) => void;
}

export function SettingsNav({ section, onNavigate }: Props) {
  return (
    <nav className="settings-nav" aria-label="Settings">
      <ul>
        {SETTINGS_SECTIONS.map((candidate) => (
          <li key={candidate}>
            <RouteLink
              to={{ page: 'settings', section: candidate }}
              onNavigate={onNavigate}
              current={candidate === section}
              className="settings-nav-link"
            >
              {LABELS[candidate]}
            </RouteLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
