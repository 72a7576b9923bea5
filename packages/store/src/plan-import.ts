import { randomUUID } from 'node:crypto'
import {
  assignmentChanges,
  keepReportedAssignments,
  PlanSchema,
  provinceChangeError,
  revisePlan,
  taskUnitKey,
  type AssignmentRef,
  type KeptTask,
  type Plan,
  type PlanChanges,
  type PlanRevision,
  type SectionRevision,
  type Task,
  type TaskRevision,
  type UnitTree,
  type UnmatchedName,
  planScopeUnitId,
  standsForNoUnit,
  unmatchedNames,
} from '@papi/domain'
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import { type AuditInput, writeAudit, writeAudits, type Change } from './audit-log'
import type { Database, Executor } from './database'
import { insertRows } from './insert-rows'
import { insertPlan, summaryForAudit } from './plan-repository'
import {
  assignmentRowsOf,
  checkUnits,
  headerValues,
  keepTargetIds,
  provinceOfPlan,
  targetRowsOf,
  taskRowOf,
  type PlanRowsContext,
  type SaveProgress,
} from './plan-rows'
import { assignments, plans, reports, sections, targets, tasks } from './schema'
import { StoreError } from './store-error'
import { asDomainPlan, getPlan, type StoredPlan, type TaskAssignee } from './stored-plan'
import { unitTreesOf } from './unit-tree-cache'

/** A task a revision adds, changes, removes, or keeps because reports were filed on it. */
export interface RevisedTask {
  id?: string
  sectionCode: string
  code: string
  title: string
  change: 'added' | 'updated' | 'removed' | 'kept'
}

/** A task a unit gains, loses or keeps (because it reported on it) in a revision, and in which role. */
export interface RevisedAssignment {
  taskId: string
  taskCode: string
  role: 'lead' | 'coordinator'
}

/** What a revision does to one unit's work. */
export interface RevisedUnit {
  unitId: string
  unitName: string
  gained: RevisedAssignment[]
  lost: RevisedAssignment[]
  kept: RevisedAssignment[]
}

/** What re-importing a stored plan changes, task by task and unit by unit, and the version it is based on. */
export interface PlanRevisionDetails {
  /** The stored plan's version and status the revision was worked out from. */
  basedOn: { version: number; status: Plan['status'] }
  tasks: RevisedTask[]
  units: RevisedUnit[]
  /**
   * Names the revised plan still assigns to no unit of its scope — matched to none, or a class
   * with no member there — for the planner to pick units for (the API's `picks`). Names a planner
   * picked a unit for before keep it (the domain's `revisePlan`) and are not listed.
   */
  unmatched: UnmatchedName[]
}

/** What `importPlan` did: the plan's id, whether it was new, changed or already so, and how. */
export interface PlanImportResult {
  id: string
  outcome: 'created' | 'updated' | 'unchanged'
  changes: PlanChanges
  /** Tasks the document no longer has, kept because reports were filed on them. */
  kept: KeptTask[]
  /** For a stored plan (`updated`, `unchanged`): the revision, task by task and unit by unit. */
  revision?: PlanRevisionDetails
}

export interface ImportPlanOptions {
  /** Called as tasks are written (phase `save`); an error thrown here rolls the import back. */
  onProgress?: SaveProgress
  /**
   * The stored plan's version the planner reviewed the revision against: when the plan changed
   * since, nothing is written (`version-conflict`).
   */
  basedOnVersion?: number
}

/** Thrown inside a preview's transaction to roll it back with what it would have done. */
class PreviewRollback extends Error {
  constructor(readonly result: PlanImportResult) {
    super('preview')
  }
}

const NO_CHANGES: PlanChanges = {
  headerUpdated: false,
  reordered: false,
  sectionsAdded: 0,
  sectionsUpdated: 0,
  sectionsRemoved: 0,
  tasksAdded: 0,
  tasksUpdated: 0,
  tasksRemoved: 0,
}

/**
 * Stores an imported plan in one transaction: a new plan (same number, issuer and date as none
 * stored) is created as a draft; a plan already stored is updated in place by the domain's
 * `revisePlan` — sections matched by code, tasks by section and task code, so the task ids that
 * reports, assignments and report versions reference are kept; what the document states replaces,
 * what it cannot state (scope, targets, weights…) is kept; assignments of changed tasks are
 * resolved again. A task the document dropped is deleted only when no report was filed on it;
 * otherwise it stays and is listed in `kept`. This holds for published plans too: their tasks'
 * ids and reports survive, which is why the standing agency can load an amended plan
 * ("Kế hoạch sửa đổi, bổ sung") without unpublishing it. Only moving a plan that has reports to
 * another province is refused (`conflict`): its rows are keyed by province.
 *
 * The same document again is `unchanged` and writes nothing, not even an audit entry; any change
 * is audited (the plan, and each section and task before → after) in the same transaction. A
 * failure part-way leaves the database as it was.
 *
 * @example
 * const result = await importPlan(db, toPlan(imported), change)
 * result // { id, outcome: 'updated', changes: { tasksAdded: 1, tasksUpdated: 1, tasksRemoved: 1, … }, kept: [] }
 */
export async function importPlan(db: Database, input: Plan, change: Change, options: ImportPlanOptions = {}): Promise<PlanImportResult> {
  const plan = PlanSchema.parse(input)
  const trees = unitTreesOf(db)
  const attempt = () => db.transaction(async (tx) => importInTransaction(tx, await trees.get(tx), plan, change, options))
  try {
    return await attempt()
  } catch (error) {
    // Two first imports of one document at once: the one that lost the race updates the other's plan.
    if (error instanceof StoreError && (error.details as { reason?: string } | undefined)?.reason === 'already-stored') return attempt()
    throw error
  }
}

/**
 * What `importPlan` would do with a document whose plan is stored (same number, issuer and date),
 * worked out as a confirm works it out — the same revision, the same rows per task — without
 * writing them: the revision exactly as a confirm would store it, task by task and unit by unit,
 * and the version it is based on. `undefined` when no such plan is stored (the import would create
 * it). Writes nothing, audits nothing, locks nothing; it runs in a transaction that is rolled back
 * all the same. A 31 → 5,000-task revision wrote ~72,000 assignments to roll them back (tens of
 * seconds on PGlite).
 *
 * @example
 * const preview = await previewPlanImport(db, toPlan(imported))
 * preview?.revision?.units // [{ unitName: 'Sở Tài chính', gained: [{ taskCode: '2.7', role: 'lead' }], … }]
 */
export async function previewPlanImport(db: Database, input: Plan): Promise<PlanImportResult | undefined> {
  const plan = PlanSchema.parse(input)
  const trees = unitTreesOf(db)
  try {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ id: plans.id })
        .from(plans)
        .where(and(eq(plans.number, plan.number), eq(plans.issuer, plan.issuer), eq(plans.issuedOn, plan.issuedOn)))
      if (!row) throw new PreviewRollback({ id: '', outcome: 'created', changes: NO_CHANGES, kept: [] })
      const result = await revise(tx, await trees.get(tx), row.id, plan, { actorId: null, at: new Date(0) }, {}, { preview: true })
      throw new PreviewRollback(result)
    })
  } catch (error) {
    if (error instanceof PreviewRollback) return error.result.outcome === 'created' ? undefined : error.result
    throw error
  }
  return undefined
}

async function importInTransaction(
  tx: Executor,
  tree: UnitTree,
  plan: Plan,
  change: Change,
  options: ImportPlanOptions,
): Promise<PlanImportResult> {
  const onProgress = options.onProgress
  // Locks the stored plan: a second import of the same document waits for this one to finish.
  const [row] = await tx
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.number, plan.number), eq(plans.issuer, plan.issuer), eq(plans.issuedOn, plan.issuedOn)))
    .for('update')
  if (!row) {
    if (options.basedOnVersion !== undefined) {
      throw new StoreError('version-conflict', `plan ${plan.number} is no longer stored`, { expectedVersion: options.basedOnVersion })
    }
    const id = await insertPlan(tx, tree, plan, change, onProgress)
    return {
      id,
      outcome: 'created',
      // Every section and task of the plan is written (writeStructure).
      changes: { ...NO_CHANGES, sectionsAdded: plan.sections.length, tasksAdded: plan.sections.reduce((n, s) => n + s.tasks.length, 0) },
      kept: [],
    }
  }
  return revise(tx, tree, row.id, plan, change, options)
}

async function revise(
  tx: Executor,
  tree: UnitTree,
  id: string,
  text: Plan,
  change: Change,
  options: ImportPlanOptions,
  mode: { preview: boolean } = { preview: false },
): Promise<PlanImportResult> {
  const onProgress = options.onProgress
  // The stored plan's text first: a document that changes nothing needs none of its assignments
  // (tens of thousands for a plan of every commune, seconds to read on PGlite); a revision does.
  let before = await getPlan(tx, id, tree, { assignees: false })
  if (options.basedOnVersion !== undefined && options.basedOnVersion !== before.version) {
    throw new StoreError('version-conflict', `plan ${id} is at version ${before.version}, not ${options.basedOnVersion}`, {
      expectedVersion: options.basedOnVersion,
      actualVersion: before.version,
      text: {
        vi: `Kế hoạch ${before.number} đã thay đổi sau khi xem trước bản sửa đổi (phiên bản ${options.basedOnVersion}, nay là ${before.version}); vui lòng xem trước lại rồi xác nhận.`,
        en: `Plan ${before.number} changed after the revision was previewed (version ${options.basedOnVersion}, now ${before.version}); preview it again, then confirm.`,
      },
    })
  }
  // Reports are filed on tasks: locking the plan's tasks holds back a report on a task this import
  // is about to remove (its foreign-key check waits), and the count below sees every report filed.
  // A preview removes nothing.
  if (!mode.preview) {
    await tx
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.provinceId, before.provinceId), eq(tasks.planId, id)))
      .for('update')
  }
  const counts = await tx
    .select({ taskId: reports.taskId, n: sql<number>`count(*)::int` })
    .from(reports)
    .innerJoin(tasks, and(eq(tasks.provinceId, reports.provinceId), eq(tasks.id, reports.taskId)))
    .where(and(eq(tasks.provinceId, before.provinceId), eq(tasks.planId, id)))
    .groupBy(reports.taskId)
  const reportsByTask = new Map(counts.map((c) => [c.taskId, c.n]))
  // Who reported on what: those assignments stay whatever the text now says (keepReportedAssignments).
  const reporters = await tx
    .selectDistinct({ taskId: reports.taskId, unitId: reports.unitId })
    .from(reports)
    .innerJoin(tasks, and(eq(tasks.provinceId, reports.provinceId), eq(tasks.id, reports.taskId)))
    .where(and(eq(tasks.provinceId, before.provinceId), eq(tasks.planId, id)))
  const reported = new Set(reporters.map((r) => taskUnitKey(r.taskId, r.unitId)))

  const revision = revisePlan(asDomainPlan(before), text, { reportsByTask })
  const plan = revision.plan
  const provinceId = await provinceOfPlan(tx, plan)
  const provinceChanged = provinceId !== before.provinceId
  const basedOn = { version: before.version, status: before.status }
  const result = { id, changes: revision.changes, kept: revision.kept }
  const unmatched = unmatchedNames(plan, standsForNoUnit(tree, planScopeUnitId(plan)))
  if (revision.unchanged && !provinceChanged) {
    return {
      ...result,
      outcome: 'unchanged',
      revision: revisionDetails(revision, before, storedAssignments(before), basedOn, unmatched, tree),
    }
  }
  const withAssignees = await getPlan(tx, id, tree)
  // Changed in between (only a preview can see that: a confirm holds the plan's row): start again.
  if (withAssignees.version !== before.version) return revise(tx, tree, id, text, change, options, mode)
  before = withAssignees
  const refused = provinceChanged ? provinceChangeError(before, { hasReports: reportsByTask.size > 0 }) : undefined
  if (refused)
    throw new StoreError('conflict', `plan ${before.number}: ${refused.message}`, { reason: refused.code, status: before.status })
  await checkUnits(tree, plan)
  const ctx: PlanRowsContext = { planId: id, provinceId, tree, plan }
  const write = {
    rewriteAll: provinceChanged,
    // Classes resolve inside the scope; tasks without a lead go to the standing agency.
    resolveAll:
      provinceChanged || planScopeUnitId(plan) !== planScopeUnitId(before) || plan.standingAgency?.unitId !== before.standingAgency?.unitId,
    reported,
  }
  if (mode.preview) {
    // The rows a confirm would write, worked out and not written.
    const planned = await writeRevision(undefined, revision, before, ctx, write)
    return { ...result, outcome: 'updated', revision: revisionDetails(revision, before, planned, basedOn, unmatched, tree) }
  }

  const updated = await tx
    .update(plans)
    .set({ ...headerValues(plan), provinceId, version: sql`${plans.version} + 1`, updatedAt: change.at })
    .where(and(eq(plans.id, id), eq(plans.version, before.version)))
    .returning({ id: plans.id })
  if (updated.length === 0) throw new StoreError('version-conflict', `plan ${id} changed meanwhile`, {})
  if (provinceChanged) {
    // Rows keyed by province move by being written again under the new one, ids kept (a draft
    // without reports: nothing outside the plan references them).
    await tx.delete(tasks).where(and(eq(tasks.provinceId, before.provinceId), eq(tasks.planId, id))) // and assignments
    await tx.delete(targets).where(and(eq(targets.planId, id), isNotNull(targets.taskId)))
  }
  if (revision.changes.headerUpdated) {
    await tx.delete(targets).where(and(eq(targets.planId, id), isNull(targets.taskId)))
    const keep = new Set(before.targets.map((t) => t.id).filter((t) => t !== undefined))
    const kept = keepTargetIds(plan.targets, before.targets)
    if (kept.length) await tx.insert(targets).values(targetRowsOf(kept, null, ctx, 0, keep))
  }
  const ids = await writeRevision(tx, revision, before, ctx, { ...write, ...(onProgress && { onProgress }) })

  // The revised plan's text for the audit; its assignments are the ones just written (ids.after).
  const after = await getPlan(tx, id, tree, { assignees: false })
  const details = revisionDetails(revision, before, ids, basedOn, unmatched, tree)
  await writeAudit(
    tx,
    {
      provinceId,
      action: 'import',
      entity: 'plan',
      entityId: id,
      before: summaryForAudit(before),
      after: { ...summaryForAudit(after), changes: revision.changes, kept: revision.kept, units: details.units },
    },
    change,
  )
  await auditStructure(tx, revision, ids, provinceId, change)
  return { ...result, outcome: 'updated', revision: details }
}

/** A stored plan's assignments in plan order (tasks by position, each task's by position), and its task codes. */
function storedAssignments(plan: StoredPlan): RevisedAssignments {
  const tasks = plan.sections.flatMap((s) => s.tasks)
  return {
    after: tasks.flatMap((t) => t.assignees.map((a) => ({ taskId: t.id, unitId: a.unitId, role: a.role }))),
    codes: new Map(tasks.map((t) => [t.id, t.code])),
    keptAssignments: [],
  }
}

/** The revision as a planner reads it: tasks added, changed, removed, kept; units gaining or losing work. */
function revisionDetails(
  revision: PlanRevision,
  before: StoredPlan,
  after: RevisedAssignments,
  basedOn: PlanRevisionDetails['basedOn'],
  unmatched: UnmatchedName[],
  tree: UnitTree,
): PlanRevisionDetails {
  const stored = storedAssignments(before)
  const codes = new Map([...stored.codes, ...after.codes])
  // Units by their current names, as the stored plan's assignees carry them.
  const names = new Map(before.sections.flatMap((s) => s.tasks.flatMap((t) => t.assignees.map((a) => [a.unitId, a.unitName] as const))))
  const nameOf = (unitId: string) => tree.byId.get(unitId)?.name ?? names.get(unitId) ?? unitId
  const named = (list: { taskId: string; role: AssignmentRef['role'] }[]) =>
    list.map((a) => ({ ...a, taskCode: codes.get(a.taskId) ?? '' }))
  const tasks: RevisedTask[] = []
  for (const s of revision.sections) {
    for (const t of s.tasks) {
      if (t.change === 'unchanged') continue
      tasks.push({
        ...(t.task.id !== undefined && { id: t.task.id }),
        sectionCode: s.section.code,
        code: t.task.code,
        title: t.task.title,
        change: t.change === 'kept' ? 'kept' : t.change,
      })
    }
  }
  for (const t of revision.removed.tasks) {
    tasks.push({ ...(t.id !== undefined && { id: t.id }), sectionCode: t.sectionCode, code: t.code, title: t.title, change: 'removed' })
  }
  const units = assignmentChanges(stored.after, after.after, after.keptAssignments).map((u) => ({
    unitId: u.unitId,
    unitName: nameOf(u.unitId),
    gained: named(u.gained),
    lost: named(u.lost),
    kept: named(u.kept),
  }))
  return { basedOn, tasks, units, unmatched }
}

/** The revised plan's assignments in plan order, its task codes by id, and the assignments kept because reported. */
interface RevisedAssignments {
  after: AssignmentRef[]
  codes: Map<string, string>
  keptAssignments: AssignmentRef[]
}

/** New ids given to added sections and tasks, for the audit, and the revised plan's assignments. */
interface WrittenIds extends RevisedAssignments {
  sections: Map<SectionRevision, string>
  tasks: Map<TaskRevision, string>
}

/**
 * Writes the revision's rows: sections, tasks, targets and assignments added, changed or resolved
 * again. With no transaction (a preview) it works out the same rows and writes none: either way
 * it answers the assignments the revised plan holds, in the order a read of it gives them.
 */
async function writeRevision(
  tx: Executor | undefined,
  revision: PlanRevision,
  before: StoredPlan,
  ctx: PlanRowsContext,
  options: { rewriteAll: boolean; resolveAll: boolean; reported: ReadonlySet<string>; onProgress?: SaveProgress },
): Promise<WrittenIds> {
  const ids: WrittenIds = { sections: new Map(), tasks: new Map(), keptAssignments: [], after: [], codes: new Map() }
  const refsOf = (taskId: string, rows: readonly { unitId: string; role: AssignmentRef['role'] }[]) => {
    for (const a of rows) ids.after.push({ taskId, unitId: a.unitId, role: a.role })
  }
  const storedAssignees = new Map(before.sections.flatMap((s) => s.tasks).map((t) => [t.id, t.assignees]))
  const storedSections = new Map(before.sections.map((s, position) => [s.id, position]))
  const storedTasks = new Map(before.sections.flatMap((s) => s.tasks).map((t, position) => [t.id, { sectionId: t.sectionId, position }]))
  const storedTaskTargets = new Map(before.sections.flatMap((s) => s.tasks).map((t) => [t.id, t.targets]))
  const total = revision.sections.reduce((n, s) => n + s.tasks.length, 0)
  let position = 0
  options.onProgress?.({ phase: 'save', done: 0, total })

  for (const [sectionPosition, s] of revision.sections.entries()) {
    const sectionId = s.section.id ?? randomUUID()
    ids.sections.set(s, sectionId)
    const values = {
      provinceId: ctx.provinceId,
      code: s.section.code,
      title: s.section.title,
      dimension: s.section.dimension ?? null,
      weight: s.section.weight ?? null,
      position: sectionPosition,
    }
    if (!tx) {
      // A preview: nothing is written.
    } else if (!s.section.id) await tx.insert(sections).values({ id: sectionId, planId: ctx.planId, ...values })
    else if (s.change === 'updated' || options.rewriteAll || storedSections.get(sectionId) !== sectionPosition) {
      await tx.update(sections).set(values).where(eq(sections.id, sectionId))
    }

    const taskRows: (typeof tasks.$inferInsert)[] = []
    const assignmentRows: (typeof assignments.$inferInsert)[] = []
    const targetRows: (typeof targets.$inferInsert)[] = []
    for (const t of s.tasks) {
      const taskId = t.task.id ?? randomUUID()
      ids.tasks.set(t, taskId)
      ids.codes.set(taskId, t.task.code)
      const row = taskRowOf(t.task, { id: taskId, sectionId, position }, ctx)
      const stored = t.task.id === undefined ? undefined : storedTasks.get(t.task.id)
      if (!stored || options.rewriteAll) {
        taskRows.push(row)
        const resolved = assignmentRowsOf(t.task, taskId, ctx)
        assignmentRows.push(...resolved)
        refsOf(taskId, resolved)
        targetRows.push(...targetRowsOf(t.task.targets, taskId, ctx))
      } else if (!tx) {
        // A preview: the task's assignments as a confirm leaves them.
        if (t.assigneesChanged || options.resolveAll) {
          const { assignments: rows, kept } = keepReportedAssignments(
            storedAssignmentRows(storedAssignees.get(taskId) ?? [], taskId, ctx, 0),
            assignmentRowsOf(t.task, taskId, ctx),
            options.reported,
          )
          refsOf(taskId, rows)
          ids.keptAssignments.push(...kept.map((k) => ({ taskId, unitId: k.unitId, role: k.role })))
        } else refsOf(taskId, storedAssignees.get(taskId) ?? [])
      } else {
        if (t.change === 'updated' || stored.sectionId !== sectionId || stored.position !== position) {
          const { provinceId: _p, id: _id, planId: _plan, ...changed } = row
          await tx
            .update(tasks)
            .set(changed)
            .where(and(eq(tasks.provinceId, ctx.provinceId), eq(tasks.id, taskId)))
        }
        if (t.targetsChanged) {
          // Values reported against an unchanged target stay matched to it: ids carry over.
          const storedTargets = storedTaskTargets.get(taskId) ?? []
          const keep = new Set(storedTargets.map((x) => x.id).filter((x) => x !== undefined))
          await tx.delete(targets).where(and(eq(targets.planId, ctx.planId), eq(targets.taskId, taskId)))
          targetRows.push(...targetRowsOf(keepTargetIds(t.task.targets, storedTargets), taskId, ctx, 0, keep))
        }
        if (t.assigneesChanged || options.resolveAll) {
          await tx.delete(assignments).where(and(eq(assignments.provinceId, ctx.provinceId), eq(assignments.taskId, taskId)))
          const resolved = assignmentRowsOf(t.task, taskId, ctx)
          // A unit that reported on the task stays assigned to it: its reports stay counted.
          const storedRows = storedAssignmentRows(storedAssignees.get(taskId) ?? [], taskId, ctx, resolved.length)
          const { assignments: rows, kept } = keepReportedAssignments(storedRows, resolved, options.reported)
          assignmentRows.push(...rows)
          refsOf(taskId, rows)
          ids.keptAssignments.push(...kept.map((k) => ({ taskId, unitId: k.unitId, role: k.role })))
        } else refsOf(taskId, storedAssignees.get(taskId) ?? [])
      }
      position++
    }
    if (!tx) continue
    await insertRows(tx, tasks, taskRows)
    await insertRows(tx, assignments, assignmentRows)
    await insertRows(tx, targets, targetRows)
    options.onProgress?.({ phase: 'save', done: position, total })
  }
  if (!tx) return ids

  // Removed tasks have no reports (revisePlan keeps those), so nothing is lost with them.
  const removedTasks = revision.removed.tasks.map((t) => t.id).filter((id): id is string => id !== undefined)
  if (removedTasks.length && !options.rewriteAll) {
    await tx.delete(targets).where(and(eq(targets.planId, ctx.planId), inArray(targets.taskId, removedTasks)))
    await tx.delete(tasks).where(and(eq(tasks.provinceId, ctx.provinceId), inArray(tasks.id, removedTasks))) // and assignments
  }
  // By now every task of a removed section was moved, removed, or kept (and then its section too).
  const removedSections = revision.removed.sections.map((s) => s.id).filter((id): id is string => id !== undefined)
  if (removedSections.length) await tx.delete(sections).where(inArray(sections.id, removedSections))
  return ids
}

/** A task's stored assignees as rows, numbered from `position` (after the ones resolved again). */
function storedAssignmentRows(
  assignees: readonly TaskAssignee[],
  taskId: string,
  ctx: PlanRowsContext,
  position: number,
): (typeof assignments.$inferInsert & AssignmentRef)[] {
  return assignees.map((a, i) => ({
    provinceId: ctx.provinceId,
    id: randomUUID(),
    planId: ctx.planId,
    taskId,
    unitId: a.unitId,
    role: a.role,
    assigneeText: a.assigneeText,
    unitClass: null,
    position: position + i,
  }))
}

function taskSnapshot(task: Task, sectionCode: string) {
  const { id: _id, ...content } = task
  return { sectionCode, ...content }
}

/** One audit entry per section and task added, changed or removed, before → after (in that order, written together). */
async function auditStructure(tx: Executor, revision: PlanRevision, ids: WrittenIds, provinceId: string, change: Change) {
  const entries: AuditInput[] = []
  const entry = (entity: 'section' | 'task', action: 'create' | 'update' | 'delete', entityId: string, before: unknown, after: unknown) =>
    entries.push({ provinceId, action, entity, entityId, before, after })
  for (const s of revision.sections) {
    const id = ids.sections.get(s) as string
    const { id: _id, ...head } = s.section
    if (s.change === 'added') entry('section', 'create', id, null, head)
    else if (s.change === 'updated' && s.before) {
      const { id: _b, ...was } = s.before
      entry('section', 'update', id, was, head)
    }
    for (const t of s.tasks) {
      const taskId = ids.tasks.get(t) as string
      const after = taskSnapshot(t.task, s.section.code)
      if (t.change === 'added') entry('task', 'create', taskId, null, after)
      else if (t.change === 'updated' && t.before) {
        const { sectionCode, ...was } = t.before
        entry('task', 'update', taskId, taskSnapshot(was, sectionCode), after)
      }
    }
  }
  for (const t of revision.removed.tasks) {
    const { sectionCode, ...was } = t
    entry('task', 'delete', t.id as string, taskSnapshot(was, sectionCode), null)
  }
  for (const s of revision.removed.sections) {
    const { id, ...was } = s
    entry('section', 'delete', id as string, was, null)
  }
  await writeAudits(tx, entries, change)
}
