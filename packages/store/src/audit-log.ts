import { randomUUID } from 'node:crypto'
import { and, desc, eq, lt, type SQL } from 'drizzle-orm'
import type { Executor } from './database'
import { insertRows } from './insert-rows'
import { auditLog, SYSTEM_SCOPE } from './schema'

/** Who makes a change, when, and under which request: every write takes one. */
export interface Change {
  /** The user acting; null for the system itself (migrations, first-start bootstrap). */
  actorId: string | null
  at: Date
  requestId?: string
}

export interface AuditEntry {
  id: string
  provinceId: string
  at: string
  actorId: string | null
  action: string
  entity: string
  entityId: string
  before: unknown
  after: unknown
  requestId: string | null
}

export interface AuditInput {
  /** Province the changed row belongs to; {@link SYSTEM_SCOPE} when none. */
  provinceId?: string | null
  /** What happened: `create`, `update`, `merge`, `publish`, `submit`… */
  action: string
  entity: string
  entityId: string
  before?: unknown
  after?: unknown
}

/**
 * Writes one audit entry. Call it with the transaction of the change so the entry and the change
 * commit or roll back together.
 *
 * @example
 * await writeAudit(tx, { action: 'create', entity: 'unit', entityId: id, after: unit }, change)
 */
export async function writeAudit(db: Executor, input: AuditInput, change: Change): Promise<void> {
  await db.insert(auditLog).values(auditRow(input, change))
}

/**
 * Writes audit entries in the order given (their `seq` follows it), 1,000 per statement: a
 * revision of a 5,000-task plan audits each task it adds, changes or removes, and one INSERT per
 * entry was ~5,000 round trips in its transaction (tens of seconds on PGlite).
 *
 * @example
 * await writeAudits(tx, [{ action: 'create', entity: 'task', entityId: id, after: task }, …], change)
 */
export async function writeAudits(db: Executor, inputs: readonly AuditInput[], change: Change): Promise<void> {
  await insertRows(
    db,
    auditLog,
    inputs.map((input) => auditRow(input, change)),
  )
}

function auditRow(input: AuditInput, change: Change): typeof auditLog.$inferInsert {
  return {
    provinceId: input.provinceId ?? SYSTEM_SCOPE,
    id: randomUUID(),
    at: change.at,
    actorId: change.actorId,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    before: input.before ?? null,
    after: input.after ?? null,
    requestId: change.requestId ?? null,
  }
}

export interface AuditQuery {
  provinceId?: string
  entity?: string
  entityId?: string
  /** Who acted (a user id). */
  actorId?: string
  /** What happened: `create`, `delete`, `restore`… */
  action?: string
  /** Entries strictly before this instant (paging backwards). */
  before?: Date
  limit?: number
}

/**
 * Audit entries, newest first.
 *
 * @example
 * await listAudit(db, { entity: 'report', entityId: reportId })
 */
export async function listAudit(db: Executor, query: AuditQuery = {}): Promise<AuditEntry[]> {
  const where: SQL[] = []
  if (query.provinceId !== undefined) where.push(eq(auditLog.provinceId, query.provinceId))
  if (query.entity !== undefined) where.push(eq(auditLog.entity, query.entity))
  if (query.entityId !== undefined) where.push(eq(auditLog.entityId, query.entityId))
  if (query.actorId !== undefined) where.push(eq(auditLog.actorId, query.actorId))
  if (query.action !== undefined) where.push(eq(auditLog.action, query.action))
  if (query.before !== undefined) where.push(lt(auditLog.at, query.before))
  const rows = await db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.seq))
    .limit(Math.min(query.limit ?? 100, 1000))
  return rows.map(({ seq: _, ...r }) => ({ ...r, at: r.at.toISOString() }))
}
