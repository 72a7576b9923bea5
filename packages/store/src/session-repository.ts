import { createHash, randomBytes } from 'node:crypto'
import { and, eq, gt, lte } from 'drizzle-orm'
import { writeAudit, type Change } from './audit-log'
import type { Database, Executor } from './database'
import { sessions } from './schema'

export interface NewSession {
  /** The bearer token, handed to the client once; only its hash is stored. */
  token: string
  csrfToken: string
  expiresAt: Date
}

export interface Session {
  userId: string
  csrfToken: string
  expiresAt: Date
}

/** SHA-256 of a token: enough for random 256-bit tokens, which cannot be guessed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * Opens a session for a user and answers its token.
 *
 * @example
 * const { token } = await createSession(db, user.id, { now, ttlMs: 8 * 3600_000 })
 */
export async function createSession(db: Executor, userId: string, options: { now: Date; ttlMs: number }): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(24).toString('base64url')
  const expiresAt = new Date(options.now.getTime() + options.ttlMs)
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, csrfToken, createdAt: options.now, expiresAt })
  return { token, csrfToken, expiresAt }
}

/** The live session a token opens, or `undefined` (unknown or expired). */
export async function findSession(db: Executor, token: string, now: Date): Promise<Session | undefined> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)))
  return row ? { userId: row.userId, csrfToken: row.csrfToken, expiresAt: row.expiresAt } : undefined
}

/** Ends a session (log-out). Unknown tokens are ignored. */
export async function deleteSession(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)))
}

/** Ends every session of a user (password change, user disabled). */
export async function deleteUserSessions(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId))
}

/** Drops expired sessions; returns how many. */
export async function purgeExpiredSessions(db: Executor, now: Date): Promise<number> {
  const rows = await db.delete(sessions).where(lte(sessions.expiresAt, now)).returning({ id: sessions.tokenHash })
  return rows.length
}

/**
 * Ends every session of a user on request (a lost laptop) and audits it; answers how many.
 *
 * @example
 * await revokeUserSessions(db, userId, change) // 2
 */
export async function revokeUserSessions(db: Database, userId: string, change: Change): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.tokenHash })
    await writeAudit(tx, { action: 'revoke-sessions', entity: 'user', entityId: userId, after: { revoked: rows.length } }, change)
    return rows.length
  })
}
