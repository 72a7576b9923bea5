import { z } from 'zod'
import { can, type RoleHolder } from './permission'
import type { UnitTree } from './unit-tree'

/**
 * The rules an admin's destructive and account actions follow, so the API refuses and the TUI
 * hides the same things. Every answer is a value: `{ ok: true }` or the reason it is refused.
 */
export type Verdict = { ok: true } | { ok: false; reason: DeletionRefusal }

export const DeletionRefusalSchema = z.enum([
  /** Only a plan still in draft may be deleted; a published plan has periods and reports. */
  'plan-published',
  /** A unit with children, roles, plans, assignments, reports or scores is ended, not deleted. */
  'unit-in-use',
  /** A user who changed anything stays (disabled) so the audit log keeps naming them. */
  'user-has-acted',
  /** Nobody deletes or disables their own account: the last admin would lock everyone out. */
  'own-account',
])
export type DeletionRefusal = z.infer<typeof DeletionRefusalSchema>

const OK: Verdict = { ok: true }

/**
 * Whether a plan may be deleted: only while it is a draft.
 *
 * @example
 * planDeletion({ status: 'draft' }) // { ok: true }
 * planDeletion({ status: 'published' }) // { ok: false, reason: 'plan-published' }
 */
export function planDeletion(plan: { status: string }): Verdict {
  return plan.status === 'draft' ? OK : { ok: false, reason: 'plan-published' }
}

/**
 * Whether a unit may be deleted rather than ended: only when nothing points at it. `references`
 * counts children, role grants, plans, assignments, reports, scores and successor links.
 *
 * @example
 * unitDeletion({ references: 0 }) // { ok: true }
 * unitDeletion({ references: 3 }) // { ok: false, reason: 'unit-in-use' }
 */
export function unitDeletion(unit: { references: number }): Verdict {
  return unit.references === 0 ? OK : { ok: false, reason: 'unit-in-use' }
}

/**
 * Whether a user may be deleted (not just disabled) by `actorId`: never oneself, and only a user
 * who never changed anything, so no audit entry loses its author.
 *
 * @example
 * userDeletion({ id: 'u1', auditedChanges: 0 }, 'admin') // { ok: true }
 * userDeletion({ id: 'u1', auditedChanges: 4 }, 'admin') // { ok: false, reason: 'user-has-acted' }
 */
export function userDeletion(user: { id: string; auditedChanges: number }, actorId: string): Verdict {
  if (user.id === actorId) return { ok: false, reason: 'own-account' }
  return user.auditedChanges === 0 ? OK : { ok: false, reason: 'user-has-acted' }
}

/**
 * Whether `actor` may revoke the sessions of, or manage the SSH keys of, user `ownerId`: their own
 * always, anyone's with `user.manage`.
 *
 * @example
 * mayManageAccount({ id: 'u1', roles: [] }, 'u1', tree) // true
 * mayManageAccount({ id: 'u1', roles: [{ role: 'planner', unitId: 'kg' }] }, 'u2', tree) // false
 */
export function mayManageAccount(actor: RoleHolder & { id: string }, ownerId: string, tree: UnitTree): boolean {
  return actor.id === ownerId || can(actor, 'user.manage', null, tree)
}

/** The key types papi accepts for SSH sign-in (what OpenSSH generates by default and RSA). */
const SshKeyTypeSchema = z.enum(['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'ssh-rsa'])
export type SshKeyType = z.infer<typeof SshKeyTypeSchema>

/** One line of `~/.ssh/id_ed25519.pub`: type, base64 key, optional comment. */
export interface SshPublicKey {
  type: SshKeyType
  /** The key blob, base64 as in the file. */
  data: string
  comment: string
}

/**
 * Reads one OpenSSH public key line, or answers why not (`null`). The blob must start with its
 * own type name, as RFC 4253 §6.6 lays it out, so a key pasted under the wrong type is refused.
 *
 * @example
 * parseSshPublicKey('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI… admin@laptop') // { type: 'ssh-ed25519', data: 'AAAAC3…', comment: 'admin@laptop' }
 * parseSshPublicKey('hello') // null
 */
export function parseSshPublicKey(line: string): SshPublicKey | null {
  const match = line.trim().match(/^(\S+)\s+([A-Za-z0-9+/]+={0,2})(?:\s+(.*))?$/)
  if (!match) return null
  const type = SshKeyTypeSchema.safeParse(match[1])
  if (!type.success) return null
  const data = match[2] ?? ''
  const bytes = base64Bytes(data)
  if (bytes.length < 4 + type.data.length) return null
  const nameLength = ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)
  const name = String.fromCharCode(...bytes.slice(4, 4 + nameLength))
  if (name !== type.data) return null
  return { type: type.data, data, comment: (match[3] ?? '').trim().slice(0, 200) }
}

// atob is a global of Node ≥ 16 and every browser, but the domain compiles with lib ES2023 alone
// (no DOM, no @types/node), so it is declared here rather than pulling either in.
declare function atob(data: string): string

function base64Bytes(text: string): number[] {
  try {
    return Array.from(atob(text), (ch) => ch.charCodeAt(0))
  } catch {
    return []
  }
}
