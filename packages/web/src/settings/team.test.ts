import { describe, expect, it } from 'vitest';
import type { Teammate } from '../api';
import { canRemoveTeammate, putTeammate, sortTeammates } from './team';

const person = (id: string, name: string, role: Teammate['role'] = 'agent'): Teammate => ({
  id,
  name,
  email: `${id}@parley.local`,
  role,
  createdAt: '2026-01-10T12:00:00.000Z',
});

describe('team list', () => {
  it('orders teammates by name, ignoring case', () => {
    const sorted = sortTeammates([person('z', 'zoe'), person('a', 'Anna'), person('b', 'ben')]);
    expect(sorted.map((teammate) => teammate.name)).toEqual(['Anna', 'ben', 'zoe']);
  });

  it('lets admins remove others but nobody remove themselves', () => {
    const me = person('me', 'Demo', 'admin');
    const other = person('other', 'Agnes');
    expect(canRemoveTeammate(other, me.id, true)).toBe(true);
    expect(canRemoveTeammate(me, me.id, true)).toBe(false);
    expect(canRemoveTeammate(other, 'agent-id', false)).toBe(false);
  });

  it('puts a new teammate in name order and replaces a known one', () => {
    const team = [person('a', 'Anna'), person('c', 'Cleo')];
    expect(putTeammate(team, person('b', 'Ben')).map((teammate) => teammate.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
    const renamed = putTeammate(team, { ...person('a', 'Anna'), role: 'admin' });
    expect(renamed).toHaveLength(2);
    expect(renamed[0]?.role).toBe('admin');
  });
});
