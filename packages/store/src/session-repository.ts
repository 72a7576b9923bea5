import { createHash, randomBytes } from 'node:crypto'
import type { RoleGrant } from '@papi/domain'
import { and, eq, gt, lte, sql } from 'drizzle-orm'
import { writeAudit, type Change } from './audit-log'
import type { Database, Executor } from './database'
import { sessions, unitTreeVersion, userRoles, users } from './schema'
import type { User } from './user-repository'

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

/**
 * The statement {@link findSessionUser} runs, prepared once per database: it is built once, and on
 * PostgreSQL it is a named statement each connection parses and plans once.
 */
function prepareSessionUser(db: Executor) {
  const roles = sql<RoleGrant[]>`coalesce((select json_agg(json_build_object('role', ${userRoles.role}, 'unitId', ${userRoles.unitId})
      order by ${userRoles.role}, ${userRoles.unitId}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '[]'::json)`
  return db
    .select({
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      username: users.username,
      displayName: users.displayName,
      disabled: users.disabled,
      version: users.version,
      roles,
      unitTreeVersion: sql<
        string | number | null
      >`(select ${unitTreeVersion.version} from ${unitTreeVersion} where ${unitTreeVersion.id} = 1)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare('papi_find_session_user')
}
const sessionUserStatements = new WeakMap<Executor, ReturnType<typeof prepareSessionUser>>()

/**
 * The live session a token opens with its user and the user's roles, in one round trip: every
 * authorised request asks it first (three queries before, the most of a report save's six). It
 * answers the unit tree's version too (`unitTreeVersion`, see unit-tree-cache.ts), which the
 * request's permission check would otherwise read in a round trip of its own.
 * `undefined` for an unknown or expired token, or a session whose user is gone.
 *
 * @example
 * const found = await findSessionUser(db, token, now) // { session, user: { id, username, roles, … }, unitTreeVersion: 12 }
 */
export async function findSessionUser(
  db: Executor,
  token: string,
  now: Date,
): Promise<{ session: Session; user: User; unitTreeVersion: number | undefined } | undefined> {
  let statement = sessionUserStatements.get(db)
  if (!statement) {
    statement = prepareSessionUser(db)
    sessionUserStatements.set(db, statement)
  }
  const [row] = await statement.execute({ tokenHash: hashToken(token), now: now.toISOString() })
  if (!row) return undefined
  return {
    session: { userId: row.userId, csrfToken: row.csrfToken, expiresAt: row.expiresAt },
    user: {
      id: row.userId,
      username: row.username,
      displayName: row.displayName,
      disabled: row.disabled,
      roles: row.roles,
      version: row.version,
    },
    // bigint: node-postgres answers it as text.
    unitTreeVersion: row.unitTreeVersion === null ? undefined : Number(row.unitTreeVersion),
  }
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
