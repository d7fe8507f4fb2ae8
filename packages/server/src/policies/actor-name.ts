/** The name an operator's work is shown with: the teammate's, or the API key's. */
import type { FastifyRequest } from 'fastify';
import type { Db } from '../store/store.js';
import { operatorOf } from './session.js';

export async function actorName(db: Db, request: FastifyRequest): Promise<string> {
  const operator = operatorOf(request);
  if (operator.apiKeyId) {
    const key = await db
      .selectFrom('api_keys')
      .select('name')
      .where('id', '=', operator.apiKeyId)
      .executeTakeFirst();
    return key?.name ?? 'API key';
  }
  const user = await db
    .selectFrom('users')
    .select('name')
    .where('id', '=', operator.userId)
    .executeTakeFirst();
  return user?.name ?? '';
}
