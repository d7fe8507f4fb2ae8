/** Errors that cross the HTTP boundary: each carries a stable code and a message for people,
 * and sometimes data a client can act on (sent beside them, never parsed out of the message). */

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly data?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found.`);
export const forbidden = (message: string) => new AppError(403, 'forbidden', message);
export const unauthorized = (message = 'Please log in.') =>
  new AppError(401, 'unauthorized', message);
export const badRequest = (message: string) => new AppError(400, 'bad_request', message);
export const conflict = (code: string, message: string, data?: Record<string, unknown>) =>
  new AppError(409, code, message, data);

/** PostgreSQL's unique_violation: a concurrent or repeated insert hit a unique constraint. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}
