import { randomUUID } from 'node:crypto'
import {
  PlanSchema,
  provinceChangeError,
  revisePlan,
  type KeptTask,
  type Plan,
  type PlanChanges,
  type PlanRevision,
  type SectionRevision,
  type Task,
  type TaskRevision,
  type UnitTree,
  planScopeUnitId,
} from '@papi/domain'
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import { writeAudit, type Change } from './audit-log'
import type { Database, Executor } from './database'
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
import { asDomainPlan, getPlan, type StoredPlan } from './stored-plan'
import { unitTreesOf } from './unit-tree-cache'

/** What `importPlan` did: the plan's id, whether it was new, changed or already so, and how. */
export interface PlanImportResult {
  id: string
  outcome: 'created' | 'updated' | 'unchanged'
  changes: PlanChanges
  /** Tasks the document no longer has, kept because reports were filed on them. */
  kept: KeptTask[]
}

export interface ImportPlanOptions {
  /** Called as tasks are written (phase `save`); an error thrown here rolls the import back. */
  onProgress?: SaveProgress
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
  const attempt = () => db.transaction(async (tx) => importInTransaction(tx, await trees.get(tx), plan, change, options.onProgress))
  try {
    return await attempt()
  } catch (error) {
    // Two first imports of one document at once: the one that lost the race updates the other's plan.
    if (error instanceof StoreError && (error.details as { reason?: string } | undefined)?.reason === 'already-stored') return attempt()
    throw error
  }
}

async function importInTransaction(
  tx: Executor,
  tree: UnitTree,
  plan: Plan,
  change: Change,
  onProgress?: SaveProgress,
): Promise<PlanImportResult> {
  // Locks the stored plan: a second import of the same document waits for this one to finish.
  const [row] = await tx
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.number, plan.number), eq(plans.issuer, plan.issuer), eq(plans.issuedOn, plan.issuedOn)))
    .for('update')
  if (!row) {
    const stored = await insertPlan(tx, tree, plan, change, onProgress)
    return {
      id: stored.id,
      outcome: 'created',
      changes: { ...NO_CHANGES, sectionsAdded: stored.sections.length, tasksAdded: taskCount(stored) },
      kept: [],
    }
  }
  return revise(tx, tree, row.id, plan, change, onProgress)
}

async function revise(
  tx: Executor,
  tree: UnitTree,
  id: string,
  text: Plan,
  change: Change,
  onProgress?: SaveProgress,
): Promise<PlanImportResult> {
  const before = await getPlan(tx, id, tree)
  // Reports are filed on tasks: locking the plan's tasks holds back a report on a task this import
  // is about to remove (its foreign-key check waits), and the count below sees every report filed.
  await tx
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.provinceId, before.provinceId), eq(tasks.planId, id)))
    .for('update')
  const counts = await tx
    .select({ taskId: reports.taskId, n: sql<number>`count(*)::int` })
    .from(reports)
    .innerJoin(tasks, and(eq(tasks.provinceId, reports.provinceId), eq(tasks.id, reports.taskId)))
    .where(and(eq(tasks.provinceId, before.provinceId), eq(tasks.planId, id)))
    .groupBy(reports.taskId)
  const reportsByTask = new Map(counts.map((c) => [c.taskId, c.n]))

  const revision = revisePlan(asDomainPlan(before), text, { reportsByTask })
  const plan = revision.plan
  const provinceId = await provinceOfPlan(tx, plan)
  const provinceChanged = provinceId !== before.provinceId
  const result = { id, changes: revision.changes, kept: revision.kept }
  if (revision.unchanged && !provinceChanged) return { ...result, outcome: 'unchanged' }
  const refused = provinceChanged ? provinceChangeError(before, { hasReports: reportsByTask.size > 0 }) : undefined
  if (refused)
    throw new StoreError('conflict', `plan ${before.number}: ${refused.message}`, { reason: refused.code, status: before.status })
  await checkUnits(tree, plan)

  const updated = await tx
    .update(plans)
    .set({ ...headerValues(plan), provinceId, version: sql`${plans.version} + 1`, updatedAt: change.at })
    .where(and(eq(plans.id, id), eq(plans.version, before.version)))
    .returning({ id: plans.id })
  if (updated.length === 0) throw new StoreError('version-conflict', `plan ${id} changed meanwhile`, {})
  const ctx: PlanRowsContext = { planId: id, provinceId, tree, plan }
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
  const ids = await writeRevision(tx, revision, before, ctx, {
    rewriteAll: provinceChanged,
    resolveAll: provinceChanged || planScopeUnitId(plan) !== planScopeUnitId(before),
    ...(onProgress && { onProgress }),
  })

  const after = await getPlan(tx, id, tree)
  await writeAudit(
    tx,
    {
      provinceId,
      action: 'import',
      entity: 'plan',
      entityId: id,
      before: summaryForAudit(before),
      after: { ...summaryForAudit(after), changes: revision.changes, kept: revision.kept },
    },
    change,
  )
  await auditStructure(tx, revision, ids, provinceId, change)
  return { ...result, outcome: 'updated' }
}

/** New ids given to added sections and tasks, for the audit. */
interface WrittenIds {
  sections: Map<SectionRevision, string>
  tasks: Map<TaskRevision, string>
}

async function writeRevision(
  tx: Executor,
  revision: PlanRevision,
  before: StoredPlan,
  ctx: PlanRowsContext,
  options: { rewriteAll: boolean; resolveAll: boolean; onProgress?: SaveProgress },
): Promise<WrittenIds> {
  const ids: WrittenIds = { sections: new Map(), tasks: new Map() }
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
    if (!s.section.id) await tx.insert(sections).values({ id: sectionId, planId: ctx.planId, ...values })
    else if (s.change === 'updated' || options.rewriteAll || storedSections.get(sectionId) !== sectionPosition) {
      await tx.update(sections).set(values).where(eq(sections.id, sectionId))
    }

    const taskRows: (typeof tasks.$inferInsert)[] = []
    const assignmentRows: (typeof assignments.$inferInsert)[] = []
    const targetRows: (typeof targets.$inferInsert)[] = []
    for (const t of s.tasks) {
      const taskId = t.task.id ?? randomUUID()
      ids.tasks.set(t, taskId)
      const row = taskRowOf(t.task, { id: taskId, sectionId, position }, ctx)
      const stored = t.task.id === undefined ? undefined : storedTasks.get(t.task.id)
      if (!stored || options.rewriteAll) {
        taskRows.push(row)
        assignmentRows.push(...assignmentRowsOf(t.task, taskId, ctx))
        targetRows.push(...targetRowsOf(t.task.targets, taskId, ctx))
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
          assignmentRows.push(...assignmentRowsOf(t.task, taskId, ctx))
        }
      }
      position++
    }
    if (taskRows.length) await tx.insert(tasks).values(taskRows)
    if (assignmentRows.length) await tx.insert(assignments).values(assignmentRows)
    if (targetRows.length) await tx.insert(targets).values(targetRows)
    options.onProgress?.({ phase: 'save', done: position, total })
  }

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

function taskSnapshot(task: Task, sectionCode: string) {
  const { id: _id, ...content } = task
  return { sectionCode, ...content }
}

/** One audit entry per section and task added, changed or removed, before → after. */
async function auditStructure(tx: Executor, revision: PlanRevision, ids: WrittenIds, provinceId: string, change: Change) {
  const entry = (entity: 'section' | 'task', action: 'create' | 'update' | 'delete', entityId: string, before: unknown, after: unknown) =>
    writeAudit(tx, { provinceId, action, entity, entityId, before, after }, change)
  for (const s of revision.sections) {
    const id = ids.sections.get(s) as string
    const { id: _id, ...head } = s.section
    if (s.change === 'added') await entry('section', 'create', id, null, head)
    else if (s.change === 'updated' && s.before) {
      const { id: _b, ...was } = s.before
      await entry('section', 'update', id, was, head)
    }
    for (const t of s.tasks) {
      const taskId = ids.tasks.get(t) as string
      const after = taskSnapshot(t.task, s.section.code)
      if (t.change === 'added') await entry('task', 'create', taskId, null, after)
      else if (t.change === 'updated' && t.before) {
        const { sectionCode, ...was } = t.before
        await entry('task', 'update', taskId, taskSnapshot(was, sectionCode), after)
      }
    }
  }
  for (const t of revision.removed.tasks) {
    const { sectionCode, ...was } = t
    await entry('task', 'delete', t.id as string, taskSnapshot(was, sectionCode), null)
  }
  for (const s of revision.removed.sections) {
    const { id, ...was } = s
    await entry('section', 'delete', id as string, was, null)
  }
}

function taskCount(plan: StoredPlan): number {
  return plan.sections.reduce((n, s) => n + s.tasks.length, 0)
}
