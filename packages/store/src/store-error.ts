import { z } from 'zod'

/** Expected failures of the store; the API turns each code into one HTTP status. */
export const StoreErrorCodeSchema = z.enum([
  'not-found',
  /** A unique key is taken (unit code, user name, a report that already exists). */
  'conflict',
  /** The row changed since the caller read it (`UPDATE … WHERE version = $read` matched nothing). */
  'version-conflict',
  /** The input is well-formed but breaks a rule (unknown parent, unit not assigned, locked period). */
  'invalid',
])
export type StoreErrorCode = z.infer<typeof StoreErrorCodeSchema>

/**
 * An expected failure with a code, thrown by repositories and caught by the API's error handler.
 *
 * @example
 * throw new StoreError('not-found', `no unit ${id}`, { unitId: id })
 */
export class StoreError extends Error {
  override readonly name = 'StoreError'
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

/** Whether a driver error is PostgreSQL's unique_violation (SQLSTATE 23505), on either driver. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505'
}

/** Whether a driver error is a foreign_key_violation (SQLSTATE 23503). */
export function isForeignKeyViolation(error: unknown): boolean {
  return sqlState(error) === '23503'
}

function sqlState(error: unknown): string | undefined {
  // drizzle wraps driver errors (DrizzleQueryError) and keeps the original as `cause`.
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
  }
  return undefined
}
