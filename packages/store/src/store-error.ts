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

/** What each PostgreSQL rejection of a value means, by SQLSTATE (class 22 by prefix below). */
const DATABASE_REJECTIONS: Record<string, { code: StoreErrorCode; reason: string }> = {
  '23505': { code: 'conflict', reason: 'a unique key is taken' },
  '23503': { code: 'invalid', reason: 'a referenced row does not exist' },
  '23502': { code: 'invalid', reason: 'a required value is missing' },
  '23514': { code: 'invalid', reason: 'a value breaks a rule of the database' },
  '22001': { code: 'invalid', reason: 'a value is longer than the database allows' },
  '22003': { code: 'invalid', reason: 'a number is outside the range the database stores' },
  '22007': { code: 'invalid', reason: 'a date or time is outside the range the database stores' },
  '22008': { code: 'invalid', reason: 'a date or time is outside the range the database stores' },
  '22021': { code: 'invalid', reason: 'a text holds a character the database cannot store (NUL)' },
  '22P02': { code: 'invalid', reason: 'a value is not in a form the database reads (e.g. half of a surrogate pair)' },
  '22P05': { code: 'invalid', reason: 'a text holds a character the database cannot store (NUL or half of a surrogate pair)' },
  '54000': { code: 'invalid', reason: 'a value is too long to be indexed' },
}

/**
 * The expected failure behind a driver error, when PostgreSQL (or PGlite, which answers the same
 * SQLSTATEs) rejected a value the caller sent: a data exception (class 22: NUL bytes, lone
 * surrogates, out-of-range numbers and dates, too-long values), an integrity violation (class 23:
 * a taken unique key, a missing referenced row) or a value too long to index (54000). Anything
 * else — a lost connection, a syntax error in our SQL — is a bug or an outage and stays as it is.
 * The driver's message is left out: it names tables, constraints and the query.
 *
 * @example
 * storeErrorOf(error) // StoreError('invalid', 'a text holds a character…', { sqlState: '22021' })
 */
export function storeErrorOf(error: unknown): StoreError | undefined {
  if (error instanceof StoreError) return error
  const state = sqlState(error)
  if (state === undefined) return undefined
  const known =
    DATABASE_REJECTIONS[state] ??
    (state.startsWith('22') ? { code: 'invalid' as const, reason: 'a value the database cannot store' } : undefined)
  return known && new StoreError(known.code, known.reason, { sqlState: state })
}

function sqlState(error: unknown): string | undefined {
  // drizzle wraps driver errors (DrizzleQueryError) and keeps the original as `cause`.
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
  }
  return undefined
}
