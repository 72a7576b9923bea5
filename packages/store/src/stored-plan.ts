// A plan as the store holds it — ids everywhere, each task's resolved assignees — and how it is read.
import { planScopeUnitId, resolveAssignees, type Plan, type Section, type Target, type Task, type UnitTree } from '@papi/domain'
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Executor } from './database'
import { assignments, plans, sections, targets, tasks, units } from './schema'
import { StoreError } from './store-error'

/** A unit a task is assigned to, as resolved from the plan's assignees (classes expanded). */
export interface TaskAssignee {
  unitId: string
  unitName: string
  role: 'lead' | 'coordinator'
  /** The assignee as the plan wrote it ("UBND cấp xã"). */
  assigneeText: string
}

export type StoredTask = Task & { id: string; sectionId: string; assignees: TaskAssignee[] }
export type StoredSection = Omit<Section, 'tasks'> & { id: string; tasks: StoredTask[] }

/** A plan as stored: ids everywhere, resolved assignees on every task, and its version. */
export type StoredPlan = Omit<Plan, 'sections'> & {
  id: string
  provinceId: string
  version: number
  publishedAt?: string
  sections: StoredSection[]
  /** Assignees that matched no unit in the plan's scope: for someone to review. */
  unresolved: { taskCode: string; text: string }[]
}

export interface PlanSummary {
  id: string
  number: string
  title: string
  issuer: string
  issuedOn: string
  index: Plan['index']
  years: Plan['years']
  status: Plan['status']
  scopeUnitId?: string
  /** The stored plan this one implements, when linked (Đức Hợp's commune plan under the province's). */
  parentPlanId?: string
  provinceId: string
  version: number
  taskCount: number
}

type PlanRow = typeof plans.$inferSelect

function optional<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}

function headerOf(row: PlanRow): Omit<StoredPlan, 'sections' | 'targets' | 'unresolved'> {
  return {
    id: row.id,
    provinceId: row.provinceId,
    number: row.number,
    title: row.title,
    issuer: row.issuer,
    ...optional('issuerUnitId', row.issuerUnitId),
    ...optional('place', row.place),
    issuedOn: row.issuedOn,
    ...optional('signer', row.signer),
    index: row.index,
    ...optional('frameworkId', row.frameworkId),
    years: { from: row.yearFrom, to: row.yearTo },
    ...optional('parentPlanId', row.parentPlanId),
    ...optional('parentPlanNumber', row.parentPlanNumber),
    ...optional('scopeUnitId', row.scopeUnitId),
    ...optional('standingAgency', row.standingAgency),
    goals: row.goals,
    ...optional('reporting', row.reporting),
    status: row.status,
    version: row.version,
    ...optional('publishedAt', row.publishedAt?.toISOString()),
  }
}

function targetOf(row: typeof targets.$inferSelect): Target {
  return {
    id: row.id,
    metric: row.metric,
    comparator: row.comparator,
    value: row.value,
    ...optional('valueMax', row.valueMax),
    unit: row.unit,
    ...optional('baselineYear', row.baselineYear),
    ...optional('baselineValue', row.baselineValue),
    ...optional('year', row.year),
    ...optional('text', row.text),
  }
}

export interface ReadPlanOptions {
  /**
   * `false`: the tasks' resolved assignees are not read (each task's `assignees` is empty), for a
   * caller that needs only the plan's text — an export, an audit summary, a deletion. A plan whose
   * classes expand to every commune holds tens of thousands of them: 5,000 tasks of Kiên Giang
   * are ~72,000 assignments, ~1.3 s to read at a load of 10.
   */
  assignees?: boolean
}

/**
 * One plan with its sections, tasks, targets and the units each task is assigned to. `tree` is
 * the organisation as the caller reads it (the unit tree cache's, or a transaction's view): the
 * units are never reread per plan.
 *
 * @example
 * const plan = await getPlan(db, id, await unitTreesOf(db).get())
 * plan.sections[0]?.tasks[0]?.assignees // [{ unitId, unitName: 'Sở Nội vụ', role: 'lead', … }, …]
 */
export async function getPlan(db: Executor, id: string, tree: UnitTree, options: ReadPlanOptions = {}): Promise<StoredPlan> {
  const [plan] = await getPlans(db, [id], tree, options)
  if (!plan) throw new StoreError('not-found', `no plan ${id}`, { planId: id })
  return plan
}

/**
 * Several plans at once (`getPlan` of each, in the order of `ids`; ids with no plan are left
 * out), in five queries whatever their number: the national dashboard reads 34 plans, and one
 * plan at a time cost it 170 round trips.
 */
export async function getPlans(db: Executor, ids: readonly string[], tree: UnitTree, options: ReadPlanOptions = {}): Promise<StoredPlan[]> {
  if (ids.length === 0) return []
  const planRows = await db
    .select()
    .from(plans)
    .where(inArray(plans.id, [...ids]))
  const provinces = [...new Set(planRows.map((r) => r.provinceId))]
  const found = planRows.map((r) => r.id)
  if (found.length === 0) return []
  const sectionRows = await db.select().from(sections).where(inArray(sections.planId, found)).orderBy(asc(sections.position))
  const taskRows = await db
    .select()
    .from(tasks)
    .where(and(inArray(tasks.provinceId, provinces), inArray(tasks.planId, found)))
    .orderBy(asc(tasks.position))
  const targetRows = await db.select().from(targets).where(inArray(targets.planId, found)).orderBy(asc(targets.position))
  const assignmentRows =
    options.assignees === false
      ? []
      : await db
          .select({ a: assignments, unitName: units.name })
          .from(assignments)
          .innerJoin(units, eq(units.id, assignments.unitId))
          .where(and(inArray(assignments.provinceId, provinces), inArray(assignments.planId, found)))
          .orderBy(asc(assignments.taskId), asc(assignments.position))
  const byPlan = <R>(rows: readonly R[], planOf: (r: R) => string | null): Map<string, R[]> => {
    const grouped = new Map<string, R[]>()
    for (const r of rows) {
      const id = planOf(r)
      if (id === null) continue
      const list = grouped.get(id)
      if (list) list.push(r)
      else grouped.set(id, [r])
    }
    return grouped
  }
  const sectionsOf = byPlan(sectionRows, (r) => r.planId)
  const tasksOf = byPlan(taskRows, (r) => r.planId)
  const targetsOf = byPlan(targetRows, (r) => r.planId)
  const assignmentsOf = byPlan(assignmentRows, (r) => r.a.planId)
  const rowOf = new Map(planRows.map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const row = rowOf.get(id)
    if (!row) return []
    return [
      storedPlanOf(
        {
          row,
          sectionRows: sectionsOf.get(id) ?? [],
          taskRows: tasksOf.get(id) ?? [],
          targetRows: targetsOf.get(id) ?? [],
          assignmentRows: assignmentsOf.get(id) ?? [],
        },
        tree,
      ),
    ]
  })
}

/** A plan from its rows: sections, tasks and targets each in position order, assignments by task then position. */
function storedPlanOf(
  rows: {
    row: PlanRow
    sectionRows: readonly (typeof sections.$inferSelect)[]
    taskRows: readonly (typeof tasks.$inferSelect)[]
    targetRows: readonly (typeof targets.$inferSelect)[]
    assignmentRows: readonly { a: typeof assignments.$inferSelect; unitName: string }[]
  },
  tree: UnitTree,
): StoredPlan {
  const { row, sectionRows, taskRows, targetRows, assignmentRows } = rows
  const assigneesByTask = new Map<string, TaskAssignee[]>()
  for (const { a, unitName } of assignmentRows) {
    const list = assigneesByTask.get(a.taskId) ?? []
    list.push({ unitId: a.unitId, unitName, role: a.role, assigneeText: a.assigneeText })
    assigneesByTask.set(a.taskId, list)
  }

  const storedTasks: StoredTask[] = taskRows.map((t) => ({
    id: t.id,
    sectionId: t.sectionId,
    code: t.code,
    title: t.title,
    lead: t.lead,
    coordinators: t.coordinators,
    timeframe: t.timeframe,
    targets: targetRows.filter((x) => x.taskId === t.id).map(targetOf),
    ...optional('weight', t.weight),
    assignees: assigneesByTask.get(t.id) ?? [],
  }))
  // Assignees that stand for no unit, by the domain's resolution (a unit named twice is not one).
  const scopeUnitId = planScopeUnitId(row)
  const scope = { unitId: scopeUnitId ?? '', date: row.issuedOn }
  const unresolved: StoredPlan['unresolved'] = storedTasks.flatMap((t) =>
    resolveAssignees([...t.lead, ...t.coordinators], tree, scope)
      .filter((r) => r.unresolved)
      .map((r) => ({ taskCode: t.code, text: r.assignee.text })),
  )
  return {
    ...headerOf(row),
    targets: targetRows.filter((x) => x.taskId === null).map(targetOf),
    sections: sectionRows.map((s) => ({
      id: s.id,
      code: s.code,
      title: s.title,
      ...optional('dimension', s.dimension),
      ...optional('weight', s.weight),
      tasks: storedTasks.filter((t) => t.sectionId === s.id),
    })),
    unresolved,
  }
}

/** Plans, newest first, optionally only those whose scope is among `scopeUnitIds`. */
export async function listPlans(db: Executor, filter: { scopeUnitIds?: string[] } = {}): Promise<PlanSummary[]> {
  const counts = db
    .select({ planId: tasks.planId, n: sql<number>`count(*)::int`.as('n') })
    .from(tasks)
    .groupBy(tasks.planId)
    .as('counts')
  const rows = await db
    .select({ plan: plans, n: counts.n })
    .from(plans)
    .leftJoin(counts, eq(counts.planId, plans.id))
    .orderBy(sql`${plans.issuedOn} desc`, asc(plans.number))
  return rows
    .filter(
      ({ plan }) =>
        filter.scopeUnitIds === undefined ||
        planScopeUnitId(plan) === undefined ||
        filter.scopeUnitIds.includes(planScopeUnitId(plan) as string),
    )
    .map(({ plan, n }) => ({
      id: plan.id,
      number: plan.number,
      title: plan.title,
      issuer: plan.issuer,
      issuedOn: plan.issuedOn,
      index: plan.index,
      years: { from: plan.yearFrom, to: plan.yearTo },
      status: plan.status,
      ...optional('scopeUnitId', planScopeUnitId(plan)),
      ...optional('parentPlanId', plan.parentPlanId),
      provinceId: plan.provinceId,
      version: plan.version,
      taskCount: n ?? 0,
    }))
}

/** The plan with this number from this issuer on this day, if stored (seeding stays idempotent). */
export async function findPlanByNumber(
  db: Executor,
  key: { number: string; issuer: string; issuedOn: string },
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.number, key.number), eq(plans.issuer, key.issuer), eq(plans.issuedOn, key.issuedOn)))
  return row?.id
}

/** The domain view of a stored plan (task and section ids kept, assignees dropped). */
export function asDomainPlan(plan: StoredPlan): Plan {
  const { provinceId: _p, version: _v, publishedAt: _pa, unresolved: _u, sections: s, ...header } = plan
  return {
    ...header,
    sections: s.map(({ tasks: t, ...section }) => ({
      ...section,
      tasks: t.map(({ assignees: _a, sectionId: _s, ...task }) => task),
    })),
  }
}
