import { randomUUID } from 'node:crypto'
import { and, count, desc, eq, gt, lt } from 'drizzle-orm'
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
 * Failed attempts under a key since `since`, not counting those before the key's last success
 * (a user who finally logs in starts afresh).
 *
 * @example
 * if ((await recentLoginFailures(db, 'user:planner', windowStart)) >= 5) // answer 429
 */
export async function recentLoginFailures(db: Executor, key: string, since: Date): Promise<number> {
  const [lastSuccess] = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, key), eq(loginAttempts.succeeded, true), gt(loginAttempts.at, since)))
    .orderBy(desc(loginAttempts.at))
    .limit(1)
  const from = lastSuccess?.at ?? since
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, key), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, from)))
  return Number(row?.n ?? 0)
}

/** Drops attempts older than `before`; they no longer count for any window. */
export async function purgeLoginAttempts(db: Executor, before: Date): Promise<void> {
  await db.delete(loginAttempts).where(lt(loginAttempts.at, before))
}
