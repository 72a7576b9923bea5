import { randomUUID } from 'node:crypto'
import {
  assignedUnits,
  buildUnitTree,
  foreignAssignees,
  PlanSchema,
  planScopeUnitId,
  publishError,
  replacementError,
  reportingPeriods,
  resolveAssignees,
  type Assignee,
  type Plan,
  type Section,
  type Target,
  type Task,
  type UnitTree,
} from '@papi/domain'
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { writeAudit, type Change } from './audit-log'
import type { Database, Executor } from './database'
import { openPeriod } from './period-repository'
import { assignments, plans, sections, SYSTEM_SCOPE, targets, tasks, units } from './schema'
import { isUniqueViolation, StoreError } from './store-error'
import { listUnits } from './unit-repository'

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

/**
 * One plan with its sections, tasks, targets and the units each task is assigned to.
 *
 * @example
 * const plan = await getPlan(db, id)
 * plan.sections[0]?.tasks[0]?.assignees // [{ unitId, unitName: 'Sở Nội vụ', role: 'lead', … }, …]
 */
export async function getPlan(db: Executor, id: string): Promise<StoredPlan> {
  const [row] = await db.select().from(plans).where(eq(plans.id, id))
  if (!row) throw new StoreError('not-found', `no plan ${id}`, { planId: id })
  const p = row.provinceId
  // One query at a time: inside a transaction both drivers hold a single connection.
  const sectionRows = await db.select().from(sections).where(eq(sections.planId, id)).orderBy(asc(sections.position))
  const taskRows = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.provinceId, p), eq(tasks.planId, id)))
    .orderBy(asc(tasks.position))
  const targetRows = await db.select().from(targets).where(eq(targets.planId, id)).orderBy(asc(targets.position))
  const assignmentRows = await db
    .select({ a: assignments, unitName: units.name })
    .from(assignments)
    .innerJoin(units, eq(units.id, assignments.unitId))
    .where(and(eq(assignments.provinceId, p), eq(assignments.planId, id)))
    .orderBy(asc(assignments.taskId), asc(assignments.position))
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
  const tree = buildUnitTree(await listUnits(db))
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

/** Refuses a plan that names units the store does not hold (issuer, scope, standing agency, assignees). */
export async function checkUnits(tree: UnitTree, plan: Plan) {
  const named = [plan.issuerUnitId, plan.scopeUnitId, plan.standingAgency?.unitId].filter(
    (id): id is string => id !== undefined,
  )
  for (const s of plan.sections) for (const t of s.tasks) for (const a of [...t.lead, ...t.coordinators]) {
    if (a.unitId !== undefined) named.push(a.unitId)
  }
  const missing = [...new Set(named)].filter((id) => !tree.byId.has(id))
  if (missing.length) throw new StoreError('invalid', `the plan names units that do not exist: ${missing.join(', ')}`, { unitIds: missing })
  const foreign = foreignAssignees(plan, tree)
  if (foreign.length) {
    throw new StoreError('invalid', `the plan assigns units of another province: ${foreign.map((f) => `${f.taskCode} ${f.unitName}`).join('; ')}`, {
      assignees: foreign,
    })
  }
}

/** Where the rows of one plan go: its id, province, and the scope its classes resolve in. */
export interface PlanRowsContext {
  planId: string
  provinceId: string
  tree: UnitTree
  plan: Pick<Plan, 'scopeUnitId' | 'issuerUnitId' | 'issuedOn'>
}

/**
 * The targets to write, each keeping the id of the stored target it continues: the one it names by
 * id, else the stored one with the same metric and comparator. Reports name targets by id
 * (`KpiValue.targetId`), so an unchanged target must keep its id through an edit or a re-import.
 */
export function keepTargetIds(list: readonly Target[], stored: readonly Target[]): Target[] {
  const free = new Map(stored.filter((t) => t.id !== undefined).map((t) => [t.id as string, t]))
  const byId = list.map((t) => (t.id !== undefined && free.delete(t.id) ? t.id : undefined))
  return list.map((t, i) => {
    const { id: _id, ...rest } = t
    const kept = byId[i]
    if (kept !== undefined) return { ...rest, id: kept }
    const same = [...free.values()].find((s) => s.metric === t.metric && s.comparator === t.comparator)
    if (same?.id === undefined) return rest
    free.delete(same.id)
    return { ...rest, id: same.id }
  })
}

/**
 * Target rows of the plan (taskId null) or of one task, numbered from `position`. A target keeps
 * its id only when it is one of `keep` (ids of this plan's stored targets, see
 * {@link keepTargetIds}); any other id a client sends is replaced.
 */
export function targetRowsOf(
  list: readonly Target[],
  taskId: string | null,
  ctx: Pick<PlanRowsContext, 'planId' | 'provinceId'>,
  position = 0,
  keep: ReadonlySet<string> = new Set(),
): (typeof targets.$inferInsert)[] {
  return list.map((t, i) => ({
    id: t.id !== undefined && keep.has(t.id) ? t.id : randomUUID(),
    planId: ctx.planId,
    provinceId: ctx.provinceId,
    taskId,
    metric: t.metric,
    comparator: t.comparator,
    value: t.value,
    valueMax: t.valueMax ?? null,
    unit: t.unit,
    baselineYear: t.baselineYear ?? null,
    baselineValue: t.baselineValue ?? null,
    year: t.year ?? null,
    text: t.text ?? null,
    position: position + i,
  }))
}

/** The task row of a task. */
export function taskRowOf(
  task: Task,
  row: { id: string; sectionId: string; position: number },
  ctx: Pick<PlanRowsContext, 'planId' | 'provinceId'>,
): typeof tasks.$inferInsert {
  return {
    provinceId: ctx.provinceId,
    id: row.id,
    planId: ctx.planId,
    sectionId: row.sectionId,
    code: task.code,
    title: task.title,
    lead: task.lead,
    coordinators: task.coordinators,
    timeframe: task.timeframe,
    weight: task.weight ?? null,
    position: row.position,
  }
}

/**
 * The assignment rows of a task: each assignee — a named unit or a class such as "UBND cấp xã" —
 * resolved to units inside the plan's scope by the domain's `assignedUnits`.
 */
export function assignmentRowsOf(task: Task, taskId: string, ctx: PlanRowsContext): (typeof assignments.$inferInsert)[] {
  const scopeUnitId = planScopeUnitId(ctx.plan)
  // Classes resolve only inside a scope; without one, only named units resolve.
  const scope = { unitId: scopeUnitId ?? '', date: ctx.plan.issuedOn }
  const units = assignedUnits(task, ctx.tree, scope)
  // The text a unit came from: the first assignee of its role that resolves to it.
  const textOf = (list: readonly Assignee[], unitId: string) =>
    resolveAssignees(list, ctx.tree, scope).find((r) => r.units.some((u) => u.id === unitId))?.assignee ?? list[0]
  const rows: (typeof assignments.$inferInsert)[] = []
  for (const [role, list, source] of [
    ['lead', units.lead, task.lead],
    ['coordinator', units.coordinators, task.coordinators],
  ] as const) {
    for (const unit of list) {
      const from = textOf(source, unit.id)
      rows.push({
        provinceId: ctx.provinceId,
        id: randomUUID(),
        planId: ctx.planId,
        taskId,
        unitId: unit.id,
        role,
        assigneeText: from?.text ?? unit.name,
        unitClass: from?.unitClass ?? null,
        position: rows.length,
      })
    }
  }
  return rows
}

/** How far a long write has come: `done` of `total` tasks written. */
export type SaveProgress = (progress: { phase: 'save'; done: number; total: number }) => void

/** Writes sections, tasks, targets and resolved assignments of a plan (its old ones deleted first). */
async function writeStructure(tx: Executor, ctx: PlanRowsContext, plan: Plan, onProgress?: SaveProgress) {
  const { planId } = ctx
  // A draft edited in the browser sends its targets back with their ids: keep them.
  const keep = new Set((await tx.select({ id: targets.id }).from(targets).where(eq(targets.planId, planId))).map((t) => t.id))
  await tx.delete(sections).where(eq(sections.planId, planId)) // cascades to tasks and assignments
  await tx.delete(targets).where(eq(targets.planId, planId))
  const targetRows = targetRowsOf(plan.targets, null, ctx, 0, keep)
  const total = plan.sections.reduce((n, s) => n + s.tasks.length, 0)
  let taskPosition = 0
  onProgress?.({ phase: 'save', done: 0, total })
  for (const [sectionPosition, section] of plan.sections.entries()) {
    const sectionId = randomUUID()
    await tx.insert(sections).values({
      id: sectionId,
      planId,
      provinceId: ctx.provinceId,
      code: section.code,
      title: section.title,
      dimension: section.dimension ?? null,
      weight: section.weight ?? null,
      position: sectionPosition,
    })
    if (section.tasks.length === 0) continue
    const taskRows = section.tasks.map((task) => taskRowOf(task, { id: randomUUID(), sectionId, position: taskPosition++ }, ctx))
    await tx.insert(tasks).values(taskRows)
    const assignmentRows: (typeof assignments.$inferInsert)[] = []
    section.tasks.forEach((task, i) => {
      const taskId = (taskRows[i] as { id: string }).id
      targetRows.push(...targetRowsOf(task.targets, taskId, ctx, targetRows.length, keep))
      assignmentRows.push(...assignmentRowsOf(task, taskId, ctx))
    })
    if (assignmentRows.length) await tx.insert(assignments).values(assignmentRows)
    onProgress?.({ phase: 'save', done: taskPosition, total })
  }
  if (targetRows.length) await tx.insert(targets).values(targetRows)
}

export function headerValues(plan: Plan) {
  return {
    number: plan.number,
    title: plan.title,
    issuer: plan.issuer,
    issuerUnitId: plan.issuerUnitId ?? null,
    place: plan.place ?? null,
    issuedOn: plan.issuedOn,
    signer: plan.signer ?? null,
    index: plan.index,
    frameworkId: plan.frameworkId ?? null,
    yearFrom: plan.years.from,
    yearTo: plan.years.to,
    parentPlanId: plan.parentPlanId ?? null,
    parentPlanNumber: plan.parentPlanNumber ?? null,
    scopeUnitId: plan.scopeUnitId ?? null,
    standingAgency: plan.standingAgency ?? null,
    goals: plan.goals,
    reporting: plan.reporting ?? null,
  }
}

export async function provinceOfPlan(tx: Executor, plan: Plan): Promise<string> {
  const scopeUnitId = planScopeUnitId(plan)
  if (!scopeUnitId) return SYSTEM_SCOPE
  const [row] = await tx.select({ provinceId: units.provinceId }).from(units).where(eq(units.id, scopeUnitId))
  return row?.provinceId ?? SYSTEM_SCOPE
}

/**
 * Stores a plan as a draft and assigns its tasks: each assignee — a named unit or a class such as
 * "UBND cấp xã" — is resolved to units inside the plan's scope by the domain's `assignedUnits`.
 * A plan already stored (same number, issuer and date) is a `conflict`; `importPlan` updates it.
 *
 * @example
 * const plan = await createPlan(db, toPlan(imported), change)
 */
export async function createPlan(db: Database, input: Plan, change: Change): Promise<StoredPlan> {
  const plan = PlanSchema.parse(input)
  return db.transaction((tx) => insertPlan(tx, plan, change))
}

/** The inside of {@link createPlan}, for a caller that holds the transaction. */
export async function insertPlan(tx: Executor, plan: Plan, change: Change, onProgress?: SaveProgress): Promise<StoredPlan> {
  const tree = buildUnitTree(await listUnits(tx))
  await checkUnits(tree, plan)
  const provinceId = await provinceOfPlan(tx, plan)
  const id = randomUUID()
  try {
    await tx.insert(plans).values({
      id,
      provinceId,
      ...headerValues(plan),
      status: 'draft',
      version: 1,
      createdAt: change.at,
      updatedAt: change.at,
    })
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new StoreError('conflict', `plan ${plan.number} of ${plan.issuer} (${plan.issuedOn}) is already stored`, {
        reason: 'already-stored',
        number: plan.number,
      })
    }
    throw error
  }
  await writeStructure(tx, { planId: id, provinceId, tree, plan }, plan, onProgress)
  const stored = await getPlan(tx, id)
  await writeAudit(tx, { provinceId, action: 'create', entity: 'plan', entityId: id, after: summaryForAudit(stored) }, change)
  return stored
}

/**
 * Replaces a plan. A draft may change in full; a published plan only in its header (title, goals,
 * targets, reporting rules…), since reports hang on its tasks and a full replacement renews every
 * task id. A published plan's sections and tasks change through `importPlan`, which matches them
 * by code, keeps their ids and never drops a task that has reports. `expectedVersion`, when given,
 * must be the version last read.
 */
export async function updatePlan(
  db: Database,
  id: string,
  input: Plan,
  change: Change,
  expectedVersion?: number,
): Promise<StoredPlan> {
  const plan = PlanSchema.parse(input)
  return db.transaction(async (tx) => {
    const before = await getPlan(tx, id)
    if (expectedVersion !== undefined && expectedVersion !== before.version) {
      throw new StoreError('version-conflict', `plan ${id} changed since version ${expectedVersion}`, {
        version: before.version,
      })
    }
    const tree = buildUnitTree(await listUnits(tx))
    await checkUnits(tree, plan)
    const provinceId = await provinceOfPlan(tx, plan)
    const provinceChanged = provinceId !== before.provinceId
    const refused = replacementError(before, plan, { provinceChanged })
    if (refused) throw new StoreError('conflict', refused.message, { reason: refused.code, status: before.status })
    if (before.status === 'draft' && provinceChanged) {
      // Distributed rows must not change province: rewrite them under the new one.
      await tx.delete(sections).where(eq(sections.planId, id))
    }
    const updated = await tx
      .update(plans)
      .set({ ...headerValues(plan), provinceId, version: sql`${plans.version} + 1`, updatedAt: change.at })
      .where(and(eq(plans.id, id), eq(plans.version, before.version)))
      .returning({ id: plans.id })
    if (updated.length === 0) throw new StoreError('version-conflict', `plan ${id} changed meanwhile`, {})
    if (before.status === 'draft') await writeStructure(tx, { planId: id, provinceId, tree, plan }, plan)
    else {
      await tx.delete(targets).where(and(eq(targets.planId, id), sql`${targets.taskId} is null`))
      const kept = keepTargetIds(plan.targets, before.targets)
      const keep = new Set(before.targets.map((t) => t.id).filter((t) => t !== undefined))
      if (kept.length) await tx.insert(targets).values(targetRowsOf(kept, null, { planId: id, provinceId }, 0, keep))
    }
    const after = await getPlan(tx, id)
    await writeAudit(
      tx,
      { provinceId, action: 'update', entity: 'plan', entityId: id, before: summaryForAudit(before), after: summaryForAudit(after) },
      change,
    )
    return after
  })
}

/**
 * Publishes a draft plan and opens its reporting periods (the domain's `reportingPeriods`, with
 * the plan's own windows and deadlines).
 */
export async function publishPlan(db: Database, id: string, change: Change, expectedVersion?: number): Promise<StoredPlan> {
  return db.transaction(async (tx) => {
    const before = await getPlan(tx, id)
    const refused = publishError(before)
    if (refused) throw new StoreError('conflict', `plan ${id}: ${refused.message}`, { reason: refused.code, status: before.status })
    if (expectedVersion !== undefined && expectedVersion !== before.version) {
      throw new StoreError('version-conflict', `plan ${id} changed since version ${expectedVersion}`, { version: before.version })
    }
    const updated = await tx
      .update(plans)
      .set({ status: 'published', publishedAt: change.at, updatedAt: change.at, version: sql`${plans.version} + 1` })
      .where(and(eq(plans.id, id), eq(plans.version, before.version)))
      .returning({ id: plans.id })
    if (updated.length === 0) throw new StoreError('version-conflict', `plan ${id} changed meanwhile`, {})
    for (const periodId of reportingPeriods(asDomainPlan(before))) {
      await openPeriod(tx, id, periodId, {}, change)
    }
    const after = await getPlan(tx, id)
    await writeAudit(
      tx,
      { provinceId: before.provinceId, action: 'publish', entity: 'plan', entityId: id, before: { status: before.status }, after: { status: 'published' } },
      change,
    )
    return after
  })
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

/** The tasks of a plan, as the reports and dashboard need them. */
export async function taskContext(db: Executor, taskId: string) {
  const [row] = await db
    .select({ task: tasks, plan: plans })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(eq(tasks.id, taskId))
  return row
}

/** The ids of plans whose tasks include one of `taskIds`. */
export async function planIdsOfTasks(db: Executor, taskIds: string[]): Promise<string[]> {
  if (taskIds.length === 0) return []
  const rows = await db.selectDistinct({ planId: tasks.planId }).from(tasks).where(inArray(tasks.id, taskIds))
  return rows.map((r) => r.planId)
}

export function summaryForAudit(plan: StoredPlan) {
  return {
    number: plan.number,
    title: plan.title,
    status: plan.status,
    version: plan.version,
    sections: plan.sections.length,
    tasks: plan.sections.reduce((n, s) => n + s.tasks.length, 0),
    goals: plan.goals,
    targets: plan.targets,
    reporting: plan.reporting,
  }
}
