/** An audit origin for commands that tests call directly, outside any request. */
import type { AuditOrigin } from '../commands/audit.js';

export function testOrigin(workspaceId: string): AuditOrigin {
  return { workspaceId, actorUserId: null, actorApiKeyId: null, ip: null, userAgent: null };
}
