import { AUDIT_ACTIONS } from '@parley/domain';
import { z } from 'zod';
import { commaList, isoDate, safeText } from '../../lib/safe-input.js';

export const auditLogQuery = z.object({
  action: commaList(AUDIT_ACTIONS).optional(),
  actor: z.string().uuid().optional(),
  from: isoDate().optional(),
  to: isoDate().optional(),
  cursor: safeText().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
