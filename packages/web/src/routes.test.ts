import { describe, expect, it } from 'vitest';
import { conversationUrl, pathOfRoute, routeFromPath } from './routes';

describe('routes', () => {
  it('opens the channels settings by default', () => {
    expect(routeFromPath('/settings')).toEqual({ page: 'settings', section: 'channels' });
    expect(routeFromPath('/settings/')).toEqual({ page: 'settings', section: 'channels' });
  });

  it('round-trips every page', () => {
    for (const path of [
      '/',
      '/insights',
      '/settings/channels',
      '/settings/assistants',
      '/settings/team',
      '/settings/api-keys',
      '/settings/audit-log',
    ]) {
      expect(pathOfRoute(routeFromPath(path))).toBe(path);
    }
  });

  it('falls back to the inbox for paths it does not know', () => {
    expect(routeFromPath('/settings/billing')).toEqual({ page: 'inbox' });
    expect(routeFromPath('/anything')).toEqual({ page: 'inbox' });
  });
});

describe('conversationUrl', () => {
  it('opens a conversation in the inbox and keeps the filters', () => {
    expect(conversationUrl('dm 1', '?channel=gmail&c=old')).toBe('/?channel=gmail&c=dm+1');
    expect(conversationUrl('dm1', '')).toBe('/?c=dm1');
  });
});
