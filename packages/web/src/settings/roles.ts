/** The two roles of the workspace, as the team and API key forms offer them. */
import type { Role } from '../api';

export const ROLE_LABELS: Record<Role, string> = {
  agent: 'Agent',
  admin: 'Admin',
};

export interface RoleOption {
  role: Role;
  label: string;
  hint: string;
}

/** Agent first: the role with fewer rights is the default and the safer choice. */
export const ROLE_OPTIONS: RoleOption[] = [
  {
    role: 'agent',
    label: ROLE_LABELS.agent,
    hint: 'Works the inbox: reads and answers conversations.',
  },
  {
    role: 'admin',
    label: ROLE_LABELS.admin,
    hint: 'Also changes settings, teammates and API keys.',
  },
];

export function isRole(value: string): value is Role {
  return value === 'agent' || value === 'admin';
}
