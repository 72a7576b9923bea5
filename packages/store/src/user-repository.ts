import { randomUUID } from 'node:crypto'
import { RoleGrantSchema, type RoleGrant } from '@papi/domain'
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { writeAudit, type Change } from './audit-log'
import type { Database, Executor } from './database'
import { userRoles, users, units } from './schema'
import { isUniqueViolation, StoreError } from './store-error'

/** A user as the rest of the system sees it: never the password hash. */
export interface User {
  id: string
  username: string
  displayName: string
  disabled: boolean
  roles: RoleGrant[]
  /** Optimistic-concurrency version: a change (roles, disabling, password) names the one it read. */
  version: number
}

/** A user with the hash, for the log-in check only. */
export interface UserWithCredentials extends User {
  passwordHash: string
}

export interface NewUser {
  username: string
  /** Already hashed (scrypt, by the API): the store never sees a password. */
  passwordHash: string
  displayName: string
  roles: RoleGrant[]
}

export interface UserPatch {
  displayName?: string
  passwordHash?: string
  disabled?: boolean
  roles?: RoleGrant[]
}

const normalise = (username: string) => username.trim().toLowerCase()

async function rolesOf(db: Executor, userIds: string[]): Promise<Map<string, RoleGrant[]>> {
  const map = new Map<string, RoleGrant[]>()
  if (userIds.length === 0) return map
  const rows = await db
    .select()
    .from(userRoles)
    .where(inArray(userRoles.userId, userIds))
    .orderBy(asc(userRoles.role), asc(userRoles.unitId))
  for (const r of rows) {
    map.set(r.userId, [...(map.get(r.userId) ?? []), { role: r.role, unitId: r.unitId }])
  }
  return map
}

/** Every user with their roles, by user name. */
export async function listUsers(db: Executor): Promise<User[]> {
  const rows = await db.select().from(users).orderBy(asc(users.username))
  const roles = await rolesOf(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    disabled: r.disabled,
    roles: roles.get(r.id) ?? [],
    version: r.version,
  }))
}

/** One user, or `undefined`. */
export async function findUser(db: Executor, id: string): Promise<User | undefined> {
  const found = await findUserWithCredentials(db, { id })
  if (!found) return undefined
  const { passwordHash: _, ...user } = found
  return user
}

/** One user, or a `not-found` {@link StoreError}. */
export async function getUser(db: Executor, id: string): Promise<User> {
  const user = await findUser(db, id)
  if (!user) throw new StoreError('not-found', `no user ${id}`, { userId: id })
  return user
}

/** A user with the password hash, by id or (case-insensitive) user name. */
export async function findUserWithCredentials(
  db: Executor,
  by: { id: string } | { username: string },
): Promise<UserWithCredentials | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where('id' in by ? eq(users.id, by.id) : eq(users.username, normalise(by.username)))
  if (!row) return undefined
  const roles = await rolesOf(db, [row.id])
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    disabled: row.disabled,
    passwordHash: row.passwordHash,
    roles: roles.get(row.id) ?? [],
    version: row.version,
  }
}

async function checkRoles(db: Executor, roles: RoleGrant[]): Promise<RoleGrant[]> {
  const parsed = roles.map((r) => RoleGrantSchema.parse(r))
  const unitIds = [...new Set(parsed.flatMap((r) => (r.unitId === null ? [] : [r.unitId])))]
  if (unitIds.length) {
    const found = await db.select({ id: units.id }).from(units).where(inArray(units.id, unitIds))
    const missing = unitIds.filter((id) => !found.some((f) => f.id === id))
    if (missing.length) throw new StoreError('invalid', `no unit ${missing.join(', ')}`, { unitIds: missing })
  }
  // admin holds everywhere: a unit on it would only mislead.
  return parsed.map((r) => (r.role === 'admin' ? { role: 'admin', unitId: null } : r))
}

async function writeRoles(db: Executor, userId: string, roles: RoleGrant[]) {
  await db.delete(userRoles).where(eq(userRoles.userId, userId))
  const unique = [...new Map(roles.map((r) => [`${r.role}:${r.unitId}`, r])).values()]
  if (unique.length) {
    await db.insert(userRoles).values(unique.map((r) => ({ id: randomUUID(), userId, role: r.role, unitId: r.unitId })))
  }
}

/**
 * Creates a user with roles; the user name (case-insensitive) must be unused.
 *
 * @example
 * await createUser(db, { username: 'planner', passwordHash, displayName: 'Sở Nội vụ', roles: [{ role: 'planner', unitId }] }, change)
 */
export async function createUser(db: Database, input: NewUser, change: Change): Promise<User> {
  return db.transaction(async (tx) => {
    const roles = await checkRoles(tx, input.roles)
    const id = randomUUID()
    try {
      await tx.insert(users).values({
        id,
        username: normalise(input.username),
        passwordHash: input.passwordHash,
        displayName: input.displayName,
        createdAt: change.at,
        updatedAt: change.at,
      })
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new StoreError('conflict', `user name ${input.username} is taken`, { username: input.username })
      }
      throw error
    }
    await writeRoles(tx, id, roles)
    const user = await getUser(tx, id)
    await writeAudit(tx, { action: 'create', entity: 'user', entityId: id, after: user }, change)
    return user
  })
}

/**
 * Changes a user's name, password, roles or disabled flag. `expectedVersion`, when given, must be
 * the version last read (else `version-conflict`); of two writers that read the same version
 * exactly one wins.
 */
export async function updateUser(db: Database, id: string, patch: UserPatch, change: Change, expectedVersion?: number): Promise<User> {
  return db.transaction(async (tx) => {
    const before = await getUser(tx, id)
    if (expectedVersion !== undefined && expectedVersion !== before.version) {
      throw new StoreError('version-conflict', `user ${id} changed since version ${expectedVersion}`, { version: before.version })
    }
    const set: Partial<typeof users.$inferInsert> = { updatedAt: change.at, version: sql`${users.version} + 1` as unknown as number }
    if (patch.displayName !== undefined) set.displayName = patch.displayName
    if (patch.passwordHash !== undefined) set.passwordHash = patch.passwordHash
    if (patch.disabled !== undefined) set.disabled = patch.disabled
    const updated = await tx
      .update(users)
      .set(set)
      .where(and(eq(users.id, id), eq(users.version, before.version)))
      .returning({ id: users.id })
    if (updated.length === 0) throw new StoreError('version-conflict', `user ${id} changed meanwhile`, {})
    if (patch.roles !== undefined) await writeRoles(tx, id, await checkRoles(tx, patch.roles))
    const after = await getUser(tx, id)
    // The audit says a password changed, never what it changed to.
    const passwordChanged = patch.passwordHash !== undefined ? { passwordChanged: true } : {}
    await writeAudit(tx, { action: 'update', entity: 'user', entityId: id, before, after: { ...after, ...passwordChanged } }, change)
    return after
  })
}
