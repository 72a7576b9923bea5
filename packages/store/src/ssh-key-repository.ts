import { createHash, randomUUID } from 'node:crypto'
import type { SshPublicKey } from '@papi/domain'
import { asc, eq } from 'drizzle-orm'
import { writeAudit, type Change } from './audit-log'
import type { Database, Executor } from './database'
import { sshKeys } from './schema'
import { isUniqueViolation, StoreError } from './store-error'

/** A registered SSH key as the API shows it (the blob is public, but lists show the fingerprint). */
export interface StoredSshKey {
  id: string
  userId: string
  type: string
  data: string
  comment: string
  fingerprint: string
  createdAt: string
  lastUsedAt: string | null
  /** What a removal names (`?version=`), as every delete does: a key is never changed once registered, so always 1. */
  version: number
}

/** The version of every registered key: one is added or removed, never edited (signing in only notes `lastUsedAt`). */
const SSH_KEY_VERSION = 1

/**
 * The fingerprint OpenSSH prints (`ssh-keygen -lf key.pub`): `SHA256:` and the unpadded base64
 * SHA-256 of the key blob.
 *
 * @example
 * sshFingerprint('AAAAC3NzaC1lZDI1NTE5AAAAI…') // 'SHA256:q3V…'
 */
export function sshFingerprint(data: string): string {
  return `SHA256:${createHash('sha256').update(Buffer.from(data, 'base64')).digest('base64').replace(/=+$/, '')}`
}

const toKey = (row: typeof sshKeys.$inferSelect): StoredSshKey => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  version: SSH_KEY_VERSION,
})

/** A user's keys, oldest first. */
export async function listSshKeys(db: Executor, userId: string): Promise<StoredSshKey[]> {
  const rows = await db.select().from(sshKeys).where(eq(sshKeys.userId, userId)).orderBy(asc(sshKeys.createdAt), asc(sshKeys.id))
  return rows.map(toKey)
}

/** The key with this fingerprint and its owner, for SSH sign-in. */
export async function findSshKey(db: Executor, fingerprint: string): Promise<StoredSshKey | undefined> {
  const [row] = await db.select().from(sshKeys).where(eq(sshKeys.fingerprint, fingerprint))
  return row && toKey(row)
}

/**
 * Registers a public key to a user; a key belongs to one account only (409 otherwise).
 *
 * @example
 * await addSshKey(db, userId, parseSshPublicKey(line)!, change)
 */
export async function addSshKey(db: Database, userId: string, key: SshPublicKey, change: Change): Promise<StoredSshKey> {
  return db.transaction(async (tx) => {
    const id = randomUUID()
    const fingerprint = sshFingerprint(key.data)
    try {
      await tx
        .insert(sshKeys)
        .values({ id, userId, type: key.type, data: key.data, comment: key.comment, fingerprint, createdAt: change.at })
    } catch (error) {
      if (isUniqueViolation(error)) throw new StoreError('conflict', 'this key is already registered', { fingerprint })
      throw error
    }
    const [row] = await tx.select().from(sshKeys).where(eq(sshKeys.id, id))
    const stored = toKey(row!)
    await writeAudit(
      tx,
      { action: 'create', entity: 'ssh-key', entityId: id, after: { userId, type: key.type, comment: key.comment, fingerprint } },
      change,
    )
    return stored
  })
}

/** Removes one of a user's keys, naming the version it read (a stale one is a `version-conflict`, nothing removed). */
export async function removeSshKey(db: Database, userId: string, keyId: string, version: number, change: Change): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(sshKeys).where(eq(sshKeys.id, keyId))
    if (!row || row.userId !== userId) throw new StoreError('not-found', `no SSH key ${keyId} for this user`, { keyId })
    if (version !== SSH_KEY_VERSION) {
      throw new StoreError('version-conflict', `the SSH key is at version ${SSH_KEY_VERSION}, not ${version}`, { version: SSH_KEY_VERSION })
    }
    await tx.delete(sshKeys).where(eq(sshKeys.id, keyId))
    await writeAudit(
      tx,
      {
        action: 'delete',
        entity: 'ssh-key',
        entityId: keyId,
        before: { userId, type: row.type, comment: row.comment, fingerprint: row.fingerprint },
      },
      change,
    )
  })
}

/** Notes that a key was just used to sign in. */
export async function touchSshKey(db: Executor, keyId: string, at: Date): Promise<void> {
  await db.update(sshKeys).set({ lastUsedAt: at }).where(eq(sshKeys.id, keyId))
}
