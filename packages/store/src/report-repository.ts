import { randomUUID } from 'node:crypto'
import {
  applyReportAction,
  reportingError,
  type Report,
  type ReportAction,
  type ReportContent,
  type ReportWorkflowErrorCode,
} from '@papi/domain'
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm'
import { writeAudit, type Change } from './audit-log'
import type { Database, Executor } from './database'
import { findPeriod } from './period-repository'
import { assignments, plans, reports, reportVersions, tasks } from './schema'
import { isUniqueViolation, StoreError, type StoreErrorCode } from './store-error'

/** A report as stored: the domain report plus where it belongs and who touched it last. */
export type StoredReport = Report & {
  id: string
  planId: string
  provinceId: string
  updatedAt: string
  updatedBy: string | null
}

export interface ReportVersion {
  version: number
  action: string
  status: string
  snapshot: StoredReport
  actorId: string | null
  at: string
}

/** What `PUT /api/v1/reports` carries: the report of one unit on one task for one period. */
export interface ReportWrite extends ReportContent {
  taskId: string
  unitId: string
  periodId: string
  /** `submitted` saves and submits in one step; anything else saves. */
  submit?: boolean
  /** The version last read; omitted (or 0) only when the report does not exist yet. */
  version?: number
}

type ReportRow = typeof reports.$inferSelect

function toReport(r: ReportRow): StoredReport {
  return {
    id: r.id,
    planId: r.planId,
    provinceId: r.provinceId,
    taskId: r.taskId,
    unitId: r.unitId,
    periodId: r.periodId,
    status: r.status,
    workStatus: r.workStatus,
    progress: r.progress,
    narrative: r.narrative,
    kpiValues: r.kpiValues,
    evidence: r.evidence,
    version: r.version,
    ...(r.submittedAt && { submittedAt: r.submittedAt.toISOString() }),
    ...(r.completedOn && { completedOn: r.completedOn }),
    ...(r.reviewedAt && { reviewedAt: r.reviewedAt.toISOString() }),
    ...(r.reviewComment !== null && { reviewComment: r.reviewComment }),
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: r.updatedBy,
  }
}

const WORKFLOW_TO_STORE: Record<ReportWorkflowErrorCode, StoreErrorCode> = {
  'version-conflict': 'version-conflict',
  'invalid-transition': 'conflict',
  locked: 'conflict',
  'comment-required': 'invalid',
  'invalid-content': 'invalid',
}

function apply(
  report: Report,
  action: ReportAction,
  change: Change,
  ctx: { expectedVersion?: number; periodLocked?: boolean },
): Report {
  const result = applyReportAction(report, action, { at: change.at.toISOString(), ...ctx })
  if (!result.ok) {
    throw new StoreError(WORKFLOW_TO_STORE[result.error.code], result.error.message, {
      reason: result.error.code,
      version: report.version,
      ...(result.error.field !== undefined && { field: result.error.field }),
      ...(result.error.text !== undefined && { text: result.error.text }),
    })
  }
  return result.report
}

function columnsOf(r: Report, change: Change) {
  return {
    status: r.status,
    workStatus: r.workStatus,
    progress: r.progress,
    narrative: r.narrative,
    kpiValues: r.kpiValues,
    evidence: r.evidence,
    version: r.version,
    completedOn: r.completedOn ?? null,
    submittedAt: r.submittedAt ? new Date(r.submittedAt) : null,
    reviewedAt: r.reviewedAt ? new Date(r.reviewedAt) : null,
    reviewComment: r.reviewComment ?? null,
    updatedAt: change.at,
    updatedBy: change.actorId,
  }
}

async function recordVersion(tx: Executor, report: StoredReport, action: string, change: Change, before?: StoredReport) {
  await tx.insert(reportVersions).values({
    provinceId: report.provinceId,
    reportId: report.id,
    version: report.version,
    action,
    status: report.status,
    snapshot: report,
    actorId: change.actorId,
    at: change.at,
  })
  await writeAudit(
    tx,
    { provinceId: report.provinceId, action, entity: 'report', entityId: report.id, before: before ?? null, after: report },
    change,
  )
}

/** One report, or `undefined`. */
export async function findReport(db: Executor, id: string): Promise<StoredReport | undefined> {
  const [row] = await db.select().from(reports).where(eq(reports.id, id))
  return row ? toReport(row) : undefined
}

/** One report, or a `not-found` {@link StoreError}. */
export async function getReport(db: Executor, id: string): Promise<StoredReport> {
  const report = await findReport(db, id)
  if (!report) throw new StoreError('not-found', `no report ${id}`, { reportId: id })
  return report
}

/** The report of one unit on one task for one period, or `undefined`. */
export async function findReportFor(
  db: Executor,
  key: { taskId: string; unitId: string; periodId: string },
): Promise<StoredReport | undefined> {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.taskId, key.taskId), eq(reports.unitId, key.unitId), eq(reports.periodId, key.periodId)))
  return row ? toReport(row) : undefined
}

export interface ReportQuery {
  planId?: string
  periodId?: string
  taskId?: string
  /** Only reports of these units (the caller's readable scope). */
  unitIds?: string[]
  status?: Report['status']
}

/** Reports matching a query, by task then unit. */
export async function listReports(db: Executor, query: ReportQuery = {}): Promise<StoredReport[]> {
  const where: SQL[] = []
  if (query.planId !== undefined) {
    const [plan] = await db.select({ provinceId: plans.provinceId }).from(plans).where(eq(plans.id, query.planId))
    if (!plan) return []
    where.push(eq(reports.provinceId, plan.provinceId), eq(reports.planId, query.planId))
  }
  if (query.periodId !== undefined) where.push(eq(reports.periodId, query.periodId))
  if (query.taskId !== undefined) where.push(eq(reports.taskId, query.taskId))
  if (query.status !== undefined) where.push(eq(reports.status, query.status))
  if (query.unitIds !== undefined) {
    if (query.unitIds.length === 0) return []
    where.push(inArray(reports.unitId, query.unitIds))
  }
  const rows = await db
    .select()
    .from(reports)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(reports.taskId), asc(reports.unitId), asc(reports.periodId))
  return rows.map(toReport)
}

/** Every version a report went through, oldest first. */
export async function listReportVersions(db: Executor, id: string): Promise<ReportVersion[]> {
  const report = await getReport(db, id)
  const rows = await db
    .select()
    .from(reportVersions)
    .where(and(eq(reportVersions.provinceId, report.provinceId), eq(reportVersions.reportId, id)))
    .orderBy(asc(reportVersions.version))
  return rows.map((r) => ({
    version: r.version,
    action: r.action,
    status: r.status,
    snapshot: r.snapshot as StoredReport,
    actorId: r.actorId,
    at: r.at.toISOString(),
  }))
}

async function checkWritable(tx: Executor, input: { taskId: string; unitId: string; periodId: string }) {
  const [ctx] = await tx
    .select({ provinceId: tasks.provinceId, planId: tasks.planId, status: plans.status })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(eq(tasks.id, input.taskId))
  if (!ctx) throw new StoreError('not-found', `no task ${input.taskId}`, { taskId: input.taskId })
  const refused = reportingError(ctx)
  if (refused) throw new StoreError('invalid', refused.message, { planId: ctx.planId, reason: refused.code })
  const period = await findPeriod(tx, ctx.planId, input.periodId)
  if (!period) {
    throw new StoreError('invalid', `period ${input.periodId} is not open on this plan`, { periodId: input.periodId })
  }
  const [assigned] = await tx
    .select({ id: assignments.id })
    .from(assignments)
    .where(
      and(
        eq(assignments.provinceId, ctx.provinceId),
        eq(assignments.taskId, input.taskId),
        eq(assignments.unitId, input.unitId),
      ),
    )
    .limit(1)
  if (!assigned) {
    throw new StoreError('invalid', `unit ${input.unitId} is not assigned to task ${input.taskId}`, {
      taskId: input.taskId,
      unitId: input.unitId,
    })
  }
  return { ...ctx, periodLocked: period.locked }
}

/**
 * Creates or updates the report of one unit on one task for one period, through the domain's
 * report workflow. The version check is done by the database itself
 * (`UPDATE … WHERE version = $read`), so of two writers holding the same version exactly one
 * wins and the other gets a `version-conflict` — and changes nothing.
 *
 * @example
 * await saveReport(db, { taskId, unitId, periodId: '2018Q2', progress: 50, narrative: '…', version: 1 }, change)
 */
export async function saveReport(db: Database, input: ReportWrite, change: Change): Promise<StoredReport> {
  const { taskId, unitId, periodId, submit, version, ...content } = input
  const changes = Object.fromEntries(Object.entries(content).filter(([, v]) => v !== undefined)) as ReportContent
  const action: ReportAction = submit ? { type: 'submit', changes } : { type: 'save', changes }
  return db.transaction(async (tx) => {
    const ctx = await checkWritable(tx, { taskId, unitId, periodId })
    const existing = await findReportFor(tx, { taskId, unitId, periodId })
    if (!existing) {
      if (version !== undefined && version !== 0) {
        throw new StoreError('version-conflict', `no report exists yet; version ${version} is stale`, { version: 0 })
      }
      const blank: Report = {
        taskId,
        unitId,
        periodId,
        status: 'draft',
        workStatus: 'not-started',
        progress: 0,
        narrative: '',
        kpiValues: [],
        evidence: [],
        version: 0,
      }
      const next = apply(blank, action, change, { expectedVersion: 0, periodLocked: ctx.periodLocked })
      const id = randomUUID()
      const inserted = await tx
        .insert(reports)
        .values({ provinceId: ctx.provinceId, id, planId: ctx.planId, taskId, unitId, periodId, ...columnsOf(next, change), createdAt: change.at })
        .onConflictDoNothing()
        .returning()
      const row = inserted[0]
      // Someone created the same report meanwhile: this writer read "no report", which is now stale.
      if (!row) throw new StoreError('version-conflict', 'the report was created meanwhile; reload it', { version: 1 })
      const stored = toReport(row)
      await recordVersion(tx, stored, action.type, change)
      return stored
    }
    if (version === undefined) {
      throw new StoreError('version-conflict', 'the report exists; send the version you read to change it', {
        version: existing.version,
      })
    }
    const next = apply(existing, action, change, { expectedVersion: version, periodLocked: ctx.periodLocked })
    return writeNext(tx, existing, next, action.type, change)
  })
}

async function writeNext(tx: Executor, before: StoredReport, next: Report, action: string, change: Change) {
  const updated = await tx
    .update(reports)
    .set(columnsOf(next, change))
    .where(and(eq(reports.provinceId, before.provinceId), eq(reports.id, before.id), eq(reports.version, before.version)))
    .returning()
  const row = updated[0]
  if (!row) throw new StoreError('version-conflict', 'the report changed meanwhile; reload it', {})
  const stored = toReport(row)
  await recordVersion(tx, stored, action, change, before)
  return stored
}

/**
 * Moves a report through the workflow: the unit submits; the standing agency accepts, returns
 * (with a comment) or reopens. `version`, when given, must be the version last read.
 *
 * @example
 * await actOnReport(db, id, { type: 'return', comment: 'Thiếu số liệu' }, change, 2)
 */
export async function actOnReport(
  db: Database,
  id: string,
  action: ReportAction,
  change: Change,
  version?: number,
): Promise<StoredReport> {
  return db.transaction(async (tx) => {
    const existing = await getReport(tx, id)
    const period = await findPeriod(tx, existing.planId, existing.periodId)
    const next = apply(existing, action, change, { expectedVersion: version, periodLocked: period?.locked ?? false })
    return writeNext(tx, existing, next, action.type, change)
  })
}

