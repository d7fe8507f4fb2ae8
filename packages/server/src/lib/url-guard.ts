/**
 * No Parley address, id, key or search term ever contains NUL, and PostgreSQL cannot compare
 * text with one: a `%00` anywhere in the path or query is answered 400 before any route runs.
 * Request bodies are left to each route (a webhook's body must reach its signature check).
 */
import type { FastifyRequest } from 'fastify';
import { badRequest } from './errors.js';

export function hasNulInUrl(url: string): boolean {
  return url.includes('%00') || url.includes('\u0000');
}

export async function rejectNulInUrl(request: FastifyRequest): Promise<void> {
  if (hasNulInUrl(request.url)) {
    throw badRequest('The address contains a NUL character (%00); remove it and try again.');
  }
}
