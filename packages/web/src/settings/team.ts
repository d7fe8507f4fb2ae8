/** The team list: its order and who may be removed by whom. */
import type { Teammate } from '../api';

/** By name, as the server lists them, so someone just added lands where they will stay. */
export function sortTeammates(teammates: Teammate[]): Teammate[] {
  return [...teammates].sort(
    (a, b) =>
      a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) ||
      a.email.localeCompare(b.email),
  );
}

/** Admins remove others; nobody removes themselves (the server refuses it too). */
export function canRemoveTeammate(
  teammate: Teammate,
  currentUserId: string,
  isAdmin: boolean,
): boolean {
  return isAdmin && teammate.id !== currentUserId;
}

/** Adds a teammate, or replaces the one with the same id. */
export function putTeammate(teammates: Teammate[], teammate: Teammate): Teammate[] {
  return sortTeammates([...teammates.filter((item) => item.id !== teammate.id), teammate]);
}
