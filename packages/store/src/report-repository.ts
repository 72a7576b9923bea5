import { randomUUID } from 'node:crypto'
import {
  applyReportAction,
  type DecidedSave,
  decidedSave,
  PLAN_VIEW_STATUSES,
  reportingError,
  type Report,
  type ReportAction,
  type ReportContent,
  type ReportWorkflowErrorCode,
} from '@papi/domain'
import { and, asc, eq, inArray, type Placeholder, sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { writeAudit, type Change } from './audit-log'
import type { Database, Executor } from './database'
import { findPeriod } from './period-repository'
import { assignments, auditLog, periods, plans, reports, reportVersions, sessions, tasks, unitTreeVersion, users } from './schema'
import { StoreError, type StoreErrorCode } from './store-error'

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

/** A stored row as a report. */
export function toReport(r: ReportRow): StoredReport {
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

function apply(report: Report, action: ReportAction, change: Change, ctx: { expectedVersion?: number; periodLocked?: boolean }): Report {
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

/**
 * The report of one unit on one task for one period, or `undefined`. With the task's province
 * (when the caller knows it) the lookup uses the whole unique index instead of scanning every
 * province's reports of that task id.
 */
export async function findReportFor(
  db: Executor,
  key: { taskId: string; unitId: string; periodId: string; provinceId?: string },
): Promise<StoredReport | undefined> {
  const [row] = await db
    .select()
    .from(reports)
    .where(
      and(
        ...(key.provinceId === undefined ? [] : [eq(reports.provinceId, key.provinceId)]),
        eq(reports.taskId, key.taskId),
        eq(reports.unitId, key.unitId),
        eq(reports.periodId, key.periodId),
      ),
    )
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

/**
 * What a save verifies in its own statement when the API took the caller's session from its
 * per-process cache instead of reading it (packages/api session.ts): the session still exists
 * and has not expired, its user is still at the version the cache holds (roles and the disabled
 * flag move it on) and the unit tree at the version the permission check used. If any of them
 * moved, the save writes nothing and throws {@link SessionChangedError}.
 */
export interface SessionCheck {
  tokenHash: string
  userId: string
  userVersion: number
  unitTreeVersion: number
  now: Date
}

/**
 * A save's {@link SessionCheck} failed: the session ended, or the user or the unit tree changed
 * since this process cached them. Nothing was written; the caller reads the session again and
 * decides anew (401, 403, or the save).
 */
export class SessionChangedError extends Error {
  override readonly name = 'SessionChangedError'
  constructor() {
    super('the session, its user or the unit tree changed since they were cached')
  }
}

/**
 * The statement of {@link readWriteContext}, prepared once per database: built once, and on
 * PostgreSQL a named statement each connection parses and plans once. It answers one row even for
 * an unknown task (every join is a left join from one row), so the session check is answered first.
 */
/**
 * Whether the {@link SessionCheck} in the placeholders `tokenHash`, `now`, `userId`, `userVersion`
 * and `unitTreeVersion` still holds (true when `tokenHash` is null: no check asked).
 */
function sessionHolds(): SQL<boolean> {
  const tokenHash = sql.placeholder('tokenHash')
  return sql<boolean>`(${tokenHash}::text is null or (exists (select 1 from ${sessions}
          join ${users} on ${users.id} = ${sessions.userId}
          where ${sessions.tokenHash} = ${tokenHash} and ${sessions.expiresAt} > ${sql.placeholder('now')}::timestamptz
            and ${users.id} = ${sql.placeholder('userId')} and ${users.version} = ${sql.placeholder('userVersion')}::int
            and not ${users.disabled})
        and (select ${unitTreeVersion.version} from ${unitTreeVersion} where ${unitTreeVersion.id} = 1) = ${sql.placeholder('unitTreeVersion')}::bigint))`
}

/** The placeholders of {@link sessionHolds} for a save's `check` (all null without one). */
function sessionParams(check: SessionCheck | undefined) {
  return {
    tokenHash: check?.tokenHash ?? null,
    now: check?.now.toISOString() ?? null,
    userId: check?.userId ?? null,
    userVersion: check?.userVersion ?? null,
    unitTreeVersion: check?.unitTreeVersion ?? null,
  }
}

function prepareWriteContext(db: Executor) {
  const taskId = sql.placeholder('taskId')
  const unitId = sql.placeholder('unitId')
  const periodId = sql.placeholder('periodId')
  return db
    .select({
      sessionChecked: sessionHolds(),
      provinceId: tasks.provinceId,
      planId: tasks.planId,
      status: plans.status,
      periodCode: periods.code,
      periodLocked: periods.locked,
      assigned: sql<boolean>`exists (select 1 from ${assignments} where ${assignments.provinceId} = ${tasks.provinceId}
        and ${assignments.taskId} = ${tasks.id} and ${assignments.unitId} = ${unitId})`,
      report: reports,
    })
    .from(sql`(select 1) as one`)
    .leftJoin(tasks, eq(tasks.id, taskId))
    .leftJoin(plans, eq(plans.id, tasks.planId))
    .leftJoin(periods, and(eq(periods.planId, tasks.planId), eq(periods.code, periodId)))
    .leftJoin(
      reports,
      and(
        eq(reports.provinceId, tasks.provinceId),
        eq(reports.taskId, tasks.id),
        eq(reports.unitId, unitId),
        eq(reports.periodId, periodId),
      ),
    )
    .limit(1)
    .prepare('papi_report_write_context')
}
const writeContextStatements = new WeakMap<Executor, ReturnType<typeof prepareWriteContext>>()

/**
 * Everything a save needs to know, in one round trip: the task's province and plan, whether the
 * plan is published, the period (and whether it is locked), whether the unit is assigned, and
 * the report so far — and, given a {@link SessionCheck}, whether the caller's cached session still
 * holds, checked before anything else is answered.
 */
async function readWriteContext(db: Executor, input: { taskId: string; unitId: string; periodId: string }, check?: SessionCheck) {
  let statement = writeContextStatements.get(db)
  if (!statement) {
    statement = prepareWriteContext(db)
    writeContextStatements.set(db, statement)
  }
  const [ctx] = await statement.execute({
    taskId: input.taskId,
    unitId: input.unitId,
    periodId: input.periodId,
    ...sessionParams(check),
  })
  if (!ctx?.sessionChecked) throw new SessionChangedError()
  if (ctx.provinceId === null || ctx.planId === null || ctx.status === null) {
    throw new StoreError('not-found', `no task ${input.taskId}`, { taskId: input.taskId })
  }
  const refused = reportingError({ status: ctx.status })
  if (refused) throw new StoreError('invalid', refused.message, { planId: ctx.planId, reason: refused.code })
  if (ctx.periodCode === null) {
    throw new StoreError('invalid', `period ${input.periodId} is not open on this plan`, { periodId: input.periodId })
  }
  if (!ctx.assigned) {
    throw new StoreError('invalid', `unit ${input.unitId} is not assigned to task ${input.taskId}`, {
      taskId: input.taskId,
      unitId: input.unitId,
    })
  }
  return {
    provinceId: ctx.provinceId,
    planId: ctx.planId,
    periodLocked: ctx.periodLocked ?? false,
    existing: ctx.report ? toReport(ctx.report) : undefined,
  }
}

/**
 * The version row and the audit entry of the report row a statement's CTE `w` writes (its
 * `province_id` and `id`), as data-modifying CTEs `v` and `a`; `snapshot` is the version row's
 * JSON, which the audit entry's `after` reuses (sent once).
 */
function historyOf(db: Executor, snapshot: SQL) {
  const p = (name: keyof WriteParams) => sql.placeholder(name)
  const v = db.$with('v', {}).as(
    sql`insert into ${reportVersions} (province_id, report_id, version, action, status, snapshot, actor_id, at)
      select province_id, id, ${p('version')}::int, ${p('action')}, ${p('status')}, ${snapshot}, ${p('actorId')},
        ${p('at')}::timestamptz from w
      returning province_id, report_id, snapshot`,
  )
  const a = db.$with('a', {}).as(
    sql`insert into ${auditLog} (province_id, id, at, actor_id, action, entity, entity_id, before, after, request_id)
      select province_id, ${p('auditId')}, ${p('at')}::timestamptz, ${p('actorId')}, ${p('action')}, 'report', report_id,
        ${p('before')}::jsonb, snapshot, ${p('requestId')} from v`,
  )
  return [v, a] as const
}

/** The columns a new report row is written with, in the order {@link reportValues} gives them. */
const REPORT_COLUMNS = sql.raw(`province_id, id, plan_id, task_id, unit_id, period_id, status, work_status, progress, narrative,
  kpi_values, evidence, version, completed_on, submitted_at, reviewed_at, review_comment, created_at, updated_at, updated_by`)

/** A new report row's values, its province and plan as given (in the order of {@link REPORT_COLUMNS}). */
function reportValues(p: (name: keyof WriteParams) => Placeholder, provinceId: SQL | Placeholder, planId: SQL | Placeholder): SQL {
  return sql`${provinceId}, ${p('id')}, ${planId}, ${p('taskId')}, ${p('unitId')}, ${p('periodId')}, ${p('status')},
    ${p('workStatus')}, ${p('progress')}::float8, ${p('narrative')}, ${p('kpiValues')}::jsonb, ${p('evidence')}::jsonb,
    ${p('version')}::int, ${p('completedOn')}::date, ${p('submittedAt')}::timestamptz, ${p('reviewedAt')}::timestamptz,
    ${p('reviewComment')}, ${p('at')}::timestamptz, ${p('at')}::timestamptz, ${p('actorId')}`
}

/**
 * The write of {@link writeWithHistory}, one statement for each of its two forms (create, update),
 * prepared once per database like the context read: built once, and on PostgreSQL parsed and
 * planned once per connection instead of per save. A report row, its version row and its audit
 * entry are written by data-modifying CTEs: atomic like a transaction, one round trip. The report
 * row is guarded in SQL — an insert that meets an existing row, or an update whose version moved
 * on, writes nothing at all — and the statement answers how many it wrote (0 or 1). The audit
 * entry's `after` is the version row's snapshot, sent once.
 */
function prepareWrites(db: Executor) {
  const p = (name: keyof WriteParams) => sql.placeholder(name)
  const create = sql`insert into ${reports} (${REPORT_COLUMNS}) values (${reportValues(p, p('provinceId'), p('planId'))})
    on conflict do nothing returning province_id, id`
  const update = sql`update ${reports} set status = ${p('status')}, work_status = ${p('workStatus')}, progress = ${p('progress')}::float8,
      narrative = ${p('narrative')}, kpi_values = ${p('kpiValues')}::jsonb, evidence = ${p('evidence')}::jsonb, version = ${p('version')}::int,
      completed_on = ${p('completedOn')}::date, submitted_at = ${p('submittedAt')}::timestamptz, reviewed_at = ${p('reviewedAt')}::timestamptz,
      review_comment = ${p('reviewComment')}, updated_at = ${p('at')}::timestamptz, updated_by = ${p('actorId')}
    where province_id = ${p('provinceId')} and id = ${p('id')} and version = ${p('expectedVersion')}::int
    returning province_id, id`
  const withHistory = (write: SQL, name: string) => {
    const w = db.$with('w', { id: sql<string>`id` }).as(write)
    const [v, a] = historyOf(db, sql`${p('snapshot')}::jsonb`)
    return db.with(w, v, a).select({ n: sql<number>`count(*)::int` }).from(w).prepare(name)
  }
  return {
    create: withHistory(create, 'papi_report_create'),
    update: withHistory(update, 'papi_report_update'),
    createChecked: prepareCreateChecked(db),
    updateChecked: prepareUpdateChecked(db),
  }
}

/**
 * The joins from `tasks` to the task's plan and the period `periodId` of it, and the conditions
 * under which a report of the task may be saved by one statement: everything the context read
 * checks — the plan in a status the domain files reports on (`PLAN_VIEW_STATUSES.reporting`), the
 * period open on the plan and not locked, the unit `unitId` assigned to the task, and the caller's
 * session (its {@link SessionCheck}).
 */
function reportableTask(periodId: SQL | Placeholder | AnyPgColumn) {
  const p = (name: 'taskId' | 'unitId') => sql.placeholder(name)
  const reporting = sql.join(
    PLAN_VIEW_STATUSES.reporting.map((status) => sql`${status}`),
    sql`, `,
  )
  return {
    joins: sql`join ${plans} on ${plans.id} = ${tasks.planId}
      join ${periods} on ${periods.planId} = ${tasks.planId} and ${periods.code} = ${periodId}`,
    holds: sql`${tasks.id} = ${p('taskId')} and ${plans.status} in (${reporting}) and not ${periods.locked}
      and exists (select 1 from ${assignments} where ${assignments.provinceId} = ${tasks.provinceId}
        and ${assignments.taskId} = ${tasks.id} and ${assignments.unitId} = ${p('unitId')})
      and ${sessionHolds()}`,
  }
}

/**
 * A first save in ONE round trip, where {@link saveReport} otherwise reads the context first: the
 * report row is inserted from a SELECT of its task that holds only if everything the context read
 * would have found holds — the caller's session (its {@link SessionCheck}), the plan in a status
 * the domain files reports on, the period open on the plan and not locked, the unit assigned to the
 * task (see {@link reportableTask}) — and no report exists yet for the task, unit and period. The
 * task's province and plan come from that SELECT, into the row, the version row's snapshot and the
 * answer. Whatever does not hold writes nothing, and the save goes the two-step way, which names
 * the reason.
 */
function prepareCreateChecked(db: Executor) {
  const p = (name: keyof WriteParams) => sql.placeholder(name)
  const task = reportableTask(p('periodId'))
  const src = db
    .$with('src', { provinceId: sql<string>`province_id`, planId: sql<string>`plan_id` })
    .as(sql`select ${tasks.provinceId} as province_id, ${tasks.planId} as plan_id from ${tasks} ${task.joins} where ${task.holds}`)
  const w = db.$with('w', { provinceId: sql<string>`province_id`, planId: sql<string>`plan_id` }).as(
    sql`insert into ${reports} (${REPORT_COLUMNS}) select ${reportValues(p, sql`province_id`, sql`plan_id`)} from src
      on conflict do nothing returning province_id, id, plan_id`,
  )
  const [v, a] = historyOf(db, sql`${p('snapshot')}::jsonb || jsonb_build_object('provinceId', province_id, 'planId', plan_id)`)
  return db
    .with(src, w, v, a)
    .select({ provinceId: sql<string>`province_id`, planId: sql<string>`plan_id` })
    .from(w)
    .prepare('papi_report_create_checked')
}

/** An ISO-8601 UTC timestamp with milliseconds, as `Date.toISOString()` writes it. */
const isoOf = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/**
 * A report row of the relation `row` as the JSON {@link toReport} makes of it (the version row's
 * snapshot, the audit entry's before and after): the optional fields only when they are set.
 */
function storedReportJson(row: string): SQL {
  const c = (column: string) => sql.raw(`${row}.${column}`)
  return sql`(jsonb_build_object('id', ${c('id')}, 'planId', ${c('plan_id')}, 'provinceId', ${c('province_id')},
      'taskId', ${c('task_id')}, 'unitId', ${c('unit_id')}, 'periodId', ${c('period_id')}, 'status', ${c('status')},
      'workStatus', ${c('work_status')}, 'progress', ${c('progress')}, 'narrative', ${c('narrative')},
      'kpiValues', ${c('kpi_values')}, 'evidence', ${c('evidence')}, 'version', ${c('version')},
      'updatedAt', ${isoOf(c('updated_at'))}, 'updatedBy', ${c('updated_by')})
    || jsonb_strip_nulls(jsonb_build_object('submittedAt', ${isoOf(c('submitted_at'))}, 'completedOn', to_char(${c('completed_on')}, 'YYYY-MM-DD'),
      'reviewedAt', ${isoOf(c('reviewed_at'))}, 'reviewComment', ${c('review_comment')})))`
}

/** The values of {@link prepareUpdateChecked}'s statement. */
interface UpdateParams {
  taskId: string
  unitId: string
  periodId: string
  expectedVersion: number
  statuses: string[]
  workStatus: string
  progress: number
  /** null: not sent, the stored value stays (also for the two below). */
  narrative: string | null
  kpiValues: string | null
  evidence: string | null
  completedOn: string | null
  version: number
  at: string
  actorId: string | null
  auditId: string
  requestId: string | null
}

/**
 * A save of an existing report in ONE round trip, for a request that decides the outcome itself
 * (see {@link decidedSave}): the row is updated only if it is at the version read and in a status
 * the domain lets that save change, and only if the context holds as for a first save (see
 * {@link prepareCreateChecked}); the fields left out of the request keep their stored values. The
 * version row's snapshot and the audit entry's before and after are the rows as {@link toReport}
 * makes them (built in SQL, {@link storedReportJson}); the statement answers the snapshot. When
 * anything does not hold it writes nothing, and the save takes the two-step way.
 */
function prepareUpdateChecked(db: Executor) {
  const p = (name: keyof UpdateParams | keyof ReturnType<typeof sessionParams>) => sql.placeholder(name)
  const task = reportableTask(reports.periodId)
  const prev = db.$with('prev', {}).as(
    sql`select ${reports}.* from ${reports}
      join ${tasks} on ${tasks.provinceId} = ${reports.provinceId} and ${tasks.id} = ${reports.taskId} ${task.joins}
      where ${reports.unitId} = ${p('unitId')} and ${reports.periodId} = ${p('periodId')}
        and ${reports.version} = ${p('expectedVersion')}::int and ${reports.status} = any(${p('statuses')}::text[])
        and ${task.holds}`,
  )
  const w = db.$with('w', {}).as(
    sql`update ${reports} as r set work_status = ${p('workStatus')}, progress = ${p('progress')}::float8,
        narrative = coalesce(${p('narrative')}, prev.narrative), kpi_values = coalesce(${p('kpiValues')}::jsonb, prev.kpi_values),
        evidence = coalesce(${p('evidence')}::jsonb, prev.evidence), completed_on = ${p('completedOn')}::date,
        version = ${p('version')}::int, updated_at = ${p('at')}::timestamptz, updated_by = ${p('actorId')}
      from prev where r.province_id = prev.province_id and r.id = prev.id and r.version = prev.version
      returning r.*`,
  )
  const v = db.$with('v', { snapshot: sql<StoredReport>`snapshot` }).as(
    sql`insert into ${reportVersions} (province_id, report_id, version, action, status, snapshot, actor_id, at)
      select province_id, id, version, 'save', status, ${storedReportJson('w')}, ${p('actorId')}, ${p('at')}::timestamptz from w
      returning province_id, report_id, snapshot`,
  )
  const a = db.$with('a', {}).as(
    sql`insert into ${auditLog} (province_id, id, at, actor_id, action, entity, entity_id, before, after, request_id)
      select v.province_id, ${p('auditId')}, ${p('at')}::timestamptz, ${p('actorId')}, 'save', 'report', v.report_id,
        ${storedReportJson('prev')}, v.snapshot, ${p('requestId')} from v join prev on prev.id = v.report_id`,
  )
  return db.with(prev, w, v, a).select({ snapshot: sql<StoredReport>`snapshot` }).from(v).prepare('papi_report_update_checked')
}
const writeStatements = new WeakMap<Executor, ReturnType<typeof prepareWrites>>()

function writeStatementsOf(db: Executor): ReturnType<typeof prepareWrites> {
  let statements = writeStatements.get(db)
  if (!statements) {
    statements = prepareWrites(db)
    writeStatements.set(db, statements)
  }
  return statements
}

/** The values of {@link prepareWrites}'s statements. */
interface WriteParams {
  provinceId: string
  id: string
  planId: string
  taskId: string
  unitId: string
  periodId: string
  status: string
  workStatus: string
  progress: number
  narrative: string
  kpiValues: string
  evidence: string
  version: number
  completedOn: string | null
  submittedAt: string | null
  reviewedAt: string | null
  reviewComment: string | null
  at: string
  actorId: string | null
  expectedVersion: number
  action: string
  snapshot: string
  auditId: string
  before: string | null
  requestId: string | null
}

/** The statement values that write `row` (stored as `stored`) with its version row and audit entry. */
function writeParams(
  row: ReportRow,
  stored: StoredReport,
  action: string,
  change: Change,
  before: StoredReport | null,
  expectedVersion: number,
): WriteParams {
  return {
    provinceId: row.provinceId,
    id: row.id,
    planId: row.planId,
    taskId: row.taskId,
    unitId: row.unitId,
    periodId: row.periodId,
    status: row.status,
    workStatus: row.workStatus,
    progress: row.progress,
    narrative: row.narrative,
    kpiValues: JSON.stringify(row.kpiValues),
    evidence: JSON.stringify(row.evidence),
    version: row.version,
    completedOn: row.completedOn,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewComment: row.reviewComment,
    at: change.at.toISOString(),
    actorId: change.actorId,
    expectedVersion,
    action,
    snapshot: JSON.stringify(stored),
    auditId: randomUUID(),
    before: before === null ? null : JSON.stringify(before),
    requestId: change.requestId ?? null,
  }
}

/**
 * Writes a report with its version row and its audit entry as ONE prepared statement (see
 * {@link prepareWrites}) and answers the stored report, or `undefined` when the guard wrote
 * nothing (the report was created, or changed, meanwhile).
 */
async function writeWithHistory(
  db: Executor,
  mode: { insert: true } | { insert: false; expectedVersion: number },
  row: ReportRow,
  action: string,
  change: Change,
  before: StoredReport | null,
): Promise<StoredReport | undefined> {
  const statements = writeStatementsOf(db)
  const stored = toReport(row)
  const params = writeParams(row, stored, action, change, before, mode.insert ? 0 : mode.expectedVersion)
  const [result] = await (mode.insert ? statements.create : statements.update).execute(params as unknown as Record<string, unknown>)
  return result?.n === 1 ? stored : undefined
}

/** A report of a task, unit and period before its first save. */
function blankReport(key: { taskId: string; unitId: string; periodId: string }): Report {
  return { ...key, status: 'draft', workStatus: 'not-started', progress: 0, narrative: '', kpiValues: [], evidence: [], version: 0 }
}

/**
 * A first save through {@link prepareCreateChecked}'s one statement: the stored report, or
 * `undefined` when it wrote nothing (the domain refused the content, or the context does not hold,
 * or the report exists): the two-step save then answers why, as before.
 */
async function createChecked(
  db: Executor,
  key: { taskId: string; unitId: string; periodId: string },
  action: ReportAction,
  change: Change,
  check: SessionCheck | undefined,
): Promise<StoredReport | undefined> {
  let next: Report
  try {
    // An unlocked period: the statement writes only into one.
    next = apply(blankReport(key), action, change, { expectedVersion: 0, periodLocked: false })
  } catch {
    return undefined
  }
  // Province and plan are the task's, filled in by the statement.
  const row: ReportRow = {
    provinceId: '',
    planId: '',
    id: randomUUID(),
    ...key,
    ...columnsOf(next, change),
    reviewedBy: null,
    createdAt: change.at,
  }
  const stored = toReport(row)
  const params = { ...writeParams(row, stored, action.type, change, null, 0), ...sessionParams(check) }
  const [written] = await writeStatementsOf(db).createChecked.execute(params as unknown as Record<string, unknown>)
  return written ? { ...stored, provinceId: written.provinceId, planId: written.planId } : undefined
}

/**
 * A save {@link decidedSave} decided, through {@link prepareUpdateChecked}'s one statement: the
 * stored report, or `undefined` when it wrote nothing (the report is at another version or in
 * another status, or the context does not hold): the two-step save then answers why.
 */
async function updateChecked(
  db: Executor,
  key: { taskId: string; unitId: string; periodId: string },
  decided: DecidedSave,
  version: number,
  change: Change,
  check: SessionCheck | undefined,
): Promise<StoredReport | undefined> {
  const params: UpdateParams & ReturnType<typeof sessionParams> = {
    ...key,
    expectedVersion: version,
    statuses: decided.statuses,
    workStatus: decided.workStatus,
    progress: decided.progress,
    narrative: decided.narrative ?? null,
    kpiValues: decided.kpiValues === undefined ? null : JSON.stringify(decided.kpiValues),
    evidence: decided.evidence === undefined ? null : JSON.stringify(decided.evidence),
    completedOn: decided.completedOn ?? null,
    version: decided.version,
    at: change.at.toISOString(),
    actorId: change.actorId,
    auditId: randomUUID(),
    requestId: change.requestId ?? null,
    ...sessionParams(check),
  }
  const [written] = await writeStatementsOf(db).updateChecked.execute(params as unknown as Record<string, unknown>)
  return written && inReportOrder(written.snapshot)
}

/** A stored report with its fields in {@link toReport}'s order (a jsonb object's keys come back sorted). */
function inReportOrder(r: StoredReport): StoredReport {
  const { id, planId, provinceId, taskId, unitId, periodId, status, workStatus, progress, narrative, kpiValues, evidence, version } = r
  return {
    id,
    planId,
    provinceId,
    taskId,
    unitId,
    periodId,
    status,
    workStatus,
    progress,
    narrative,
    kpiValues,
    evidence,
    version,
    ...(r.submittedAt !== undefined && { submittedAt: r.submittedAt }),
    ...(r.completedOn !== undefined && { completedOn: r.completedOn }),
    ...(r.reviewedAt !== undefined && { reviewedAt: r.reviewedAt }),
    ...(r.reviewComment !== undefined && { reviewComment: r.reviewComment }),
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
  }
}

/**
 * Creates or updates the report of one unit on one task for one period, through the domain's
 * report workflow. The version check is done by the database itself
 * (`UPDATE … WHERE version = $read`), so of two writers holding the same version exactly one
 * wins and the other gets a `version-conflict` — and changes nothing. A first save (no version,
 * or 0) is one round trip when its context holds (see {@link prepareCreateChecked}), and so is an
 * update the request decides (see {@link decidedSave}) when `options.oneStatement` allows it;
 * otherwise two: one read (see {@link readWriteContext}), one write with its version and audit
 * rows. `check`: the caller's session taken from a cache, verified in the statement (see
 * {@link SessionCheck}).
 *
 * `options.oneStatement`: which saves try one statement first — by default first saves and
 * updates; `first saves` on PGlite, whose one thread is what limits its saves, and where the
 * update's statement (the report's JSON built twice in SQL) costs more than the round trip it
 * saves (report saves 380 → 317 req/s at 16 clients); `none` (tests) always the two-step way.
 * `options.requireOne` (tests): throw when the save did not go through in one statement.
 *
 * @example
 * await saveReport(db, { taskId, unitId, periodId: '2018Q2', progress: 50, narrative: '…', version: 1 }, change)
 */
export async function saveReport(
  db: Database,
  input: ReportWrite,
  change: Change,
  check?: SessionCheck,
  options: { oneStatement?: 'first saves and updates' | 'first saves' | 'none'; requireOne?: boolean } = {},
): Promise<StoredReport> {
  const oneStatement = options.oneStatement ?? 'first saves and updates'
  const { taskId, unitId, periodId, submit, version, ...content } = input
  const changes = Object.fromEntries(Object.entries(content).filter(([, v]) => v !== undefined)) as ReportContent
  const action: ReportAction = submit ? { type: 'submit', changes } : { type: 'save', changes }
  let saved: StoredReport | undefined
  if (!version && oneStatement !== 'none') saved = await createChecked(db, { taskId, unitId, periodId }, action, change, check)
  else if (version && oneStatement === 'first saves and updates') {
    const decided = decidedSave(action, version, change.at.toISOString())
    saved = decided && (await updateChecked(db, { taskId, unitId, periodId }, decided, version, change, check))
  }
  if (saved) return saved
  if (options.requireOne) throw new Error('the save did not go through in one statement')
  const ctx = await readWriteContext(db, { taskId, unitId, periodId }, check)
  const existing = ctx.existing
  if (!existing) {
    if (version !== undefined && version !== 0) {
      throw new StoreError('version-conflict', `no report exists yet; version ${version} is stale`, { version: 0 })
    }
    const next = apply(blankReport({ taskId, unitId, periodId }), action, change, { expectedVersion: 0, periodLocked: ctx.periodLocked })
    const row = {
      provinceId: ctx.provinceId,
      id: randomUUID(),
      planId: ctx.planId,
      taskId,
      unitId,
      periodId,
      ...columnsOf(next, change),
      reviewedBy: null,
      createdAt: change.at,
    }
    const stored = await writeWithHistory(db, { insert: true }, row, action.type, change, null)
    // Someone created the same report meanwhile: this writer read "no report", which is now stale.
    if (!stored) throw new StoreError('version-conflict', 'the report was created meanwhile; reload it', { version: 1 })
    return stored
  }
  if (version === undefined) {
    throw new StoreError('version-conflict', 'the report exists; send the version you read to change it', {
      version: existing.version,
    })
  }
  const next = apply(existing, action, change, { expectedVersion: version, periodLocked: ctx.periodLocked })
  const row = {
    provinceId: existing.provinceId,
    id: existing.id,
    planId: existing.planId,
    taskId,
    unitId,
    periodId,
    ...columnsOf(next, change),
    reviewedBy: null,
    createdAt: change.at,
  }
  const stored = await writeWithHistory(db, { insert: false, expectedVersion: existing.version }, row, action.type, change, existing)
  if (!stored) throw new StoreError('version-conflict', 'the report changed meanwhile; reload it', {})
  return stored
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
export async function actOnReport(db: Database, id: string, action: ReportAction, change: Change, version?: number): Promise<StoredReport> {
  return db.transaction(async (tx) => {
    const existing = await getReport(tx, id)
    const period = await findPeriod(tx, existing.planId, existing.periodId)
    const next = apply(existing, action, change, { expectedVersion: version, periodLocked: period?.locked ?? false })
    return writeNext(tx, existing, next, action.type, change)
  })
}
