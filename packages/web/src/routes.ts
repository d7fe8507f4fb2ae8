/** Which page the app shows, read from the URL path so links, reloads and Back all work. The
 * server answers unknown page paths with the app, so `/settings/...` needs no server route. */

export const SETTINGS_SECTIONS = [
  'channels',
  'assistants',
  'knowledge',
  'intelligence',
  'team',
  'api-keys',
  'audit-log',
  'security',
] as const;

export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

export type Route =
  | { page: 'inbox' }
  | { page: 'insights' }
  | { page: 'settings'; section: SettingsSection };

function isSettingsSection(value: string): value is SettingsSection {
  return (SETTINGS_SECTIONS as readonly string[]).includes(value);
}

export function routeFromPath(pathname: string): Route {
  const [first, second = 'channels'] = pathname.split('/').filter(Boolean);
  if (first === 'settings' && isSettingsSection(second))
    return { page: 'settings', section: second };
  if (first === 'insights') return { page: 'insights' };
  return { page: 'inbox' };
}

export function pathOfRoute(route: Route): string {
  if (route.page === 'settings') return `/settings/${route.section}`;
  return route.page === 'insights' ? '/insights' : '/';
}

/** The inbox URL with conversation `id` open, keeping the current filters (`search`). */
export function conversationUrl(id: string, search: string): string {
  const params = new URLSearchParams(search);
  params.set('c', id);
  return `/?${params}`;
}
