import { randomUUID } from 'node:crypto'
import { and, count, eq, gt, lt, max } from 'drizzle-orm'
import type { Executor } from './database'
import { loginAttempts } from './schema'

/**
 * Records one log-in attempt under a key (`user:<name>`, `ip:<address>`). Kept in the database,
 * not in memory, so that every API process behind a load balancer counts the same attempts.
 */
export async function recordLoginAttempt(db: Executor, key: string, succeeded: boolean, at: Date): Promise<void> {
  await db.insert(loginAttempts).values({ id: randomUUID(), key, succeeded, at })
}

/**
 * Failed attempts under a key since `since`, and when the last of them happened. A success does
 * not reset the count: an attacker's own good log-ins must not buy more guesses (the domain's
 * `loginWait` turns the count into a wait that never exceeds a minute, so the owner is not kept out).
 *
 * @example
 * const recent = await recentLoginFailures(db, 'user:planner', windowStart)
 * loginWait({ failures: recent.failures, lastFailureAt: recent.lastFailureAt?.getTime() }, now, ACCOUNT_THROTTLE)
 */
export async function recentLoginFailures(
  db: Executor,
  key: string,
  since: Date,
): Promise<{ failures: number; lastFailureAt: Date | undefined }> {
  const [row] = await db
    .select({ n: count(), last: max(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, key), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)))
  return { failures: Number(row?.n ?? 0), lastFailureAt: row?.last ? new Date(row.last) : undefined }
}

/** Drops attempts older than `before`; they no longer count for any window. */
export async function purgeLoginAttempts(db: Executor, before: Date): Promise<void> {
  await db.delete(loginAttempts).where(lt(loginAttempts.at, before))
}
