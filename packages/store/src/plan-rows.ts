// The rows a plan is written as: header values, sections, tasks, targets and the assignments its
// assignees resolve to, each row keyed by the plan's province.
import { randomUUID } from 'node:crypto'
import {
  assignedUnits,
  duplicateCodes,
  foreignAssignees,
  planScopeUnitId,
  resolveAssignees,
  type Assignee,
  type Plan,
  type Target,
  type Task,
  type UnitTree,
} from '@papi/domain'
import { eq } from 'drizzle-orm'
import type { Executor } from './database'
import { insertRows } from './insert-rows'
import { assignments, sections, SYSTEM_SCOPE, targets, tasks, units } from './schema'
import { StoreError } from './store-error'

/** Refuses a plan that names units the store does not hold (issuer, scope, standing agency, assignees). */
export async function checkUnits(tree: UnitTree, plan: Plan) {
  const named = [plan.issuerUnitId, plan.scopeUnitId, plan.standingAgency?.unitId].filter((id): id is string => id !== undefined)
  for (const s of plan.sections)
    for (const t of s.tasks)
      for (const a of [...t.lead, ...t.coordinators]) {
        if (a.unitId !== undefined) named.push(a.unitId)
      }
  const missing = [...new Set(named)].filter((id) => !tree.byId.has(id))
  if (missing.length) throw new StoreError('invalid', `the plan names units that do not exist: ${missing.join(', ')}`, { unitIds: missing })
  const duplicates = duplicateCodes(plan)
  if (duplicates.length) throw new StoreError('invalid', `the plan uses a code twice: ${duplicates.join(', ')}`, { duplicates })
  const foreign = foreignAssignees(plan, tree)
  if (foreign.length) {
    throw new StoreError(
      'invalid',
      `the plan assigns units of another province: ${foreign.map((f) => `${f.taskCode} ${f.unitName}`).join('; ')}`,
      {
        assignees: foreign,
      },
    )
  }
}

/** Where the rows of one plan go: its id, province, and the scope its classes resolve in. */
export interface PlanRowsContext {
  planId: string
  provinceId: string
  tree: UnitTree
  plan: Pick<Plan, 'scopeUnitId' | 'issuerUnitId' | 'issuedOn' | 'standingAgency'>
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
  // A task without a lead is the standing agency's: it owes the reports (assignedUnits).
  const units = assignedUnits(task, ctx.tree, scope, { standingAgency: ctx.plan.standingAgency })
  const leadText = units.leadByStandingAgency && ctx.plan.standingAgency ? [ctx.plan.standingAgency] : task.lead
  // The text a unit came from: the first assignee of its role that resolves to it (each role's
  // assignees resolved once: a class such as "UBND cấp xã" stands for every commune).
  const sourceOf = (list: readonly Assignee[]) => {
    const first = new Map<string, Assignee>()
    for (const r of resolveAssignees(list, ctx.tree, scope)) for (const u of r.units) if (!first.has(u.id)) first.set(u.id, r.assignee)
    return (unitId: string) => first.get(unitId) ?? list[0]
  }
  const rows: (typeof assignments.$inferInsert)[] = []
  for (const [role, list, source] of [
    ['lead', units.lead, leadText],
    ['coordinator', units.coordinators, task.coordinators],
  ] as const) {
    const textOf = sourceOf(source)
    for (const unit of list) {
      const from = textOf(unit.id)
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
export async function writeStructure(tx: Executor, ctx: PlanRowsContext, plan: Plan, onProgress?: SaveProgress) {
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
    await insertRows(tx, tasks, taskRows)
    const assignmentRows: (typeof assignments.$inferInsert)[] = []
    section.tasks.forEach((task, i) => {
      const taskId = (taskRows[i] as { id: string }).id
      targetRows.push(...targetRowsOf(task.targets, taskId, ctx, targetRows.length, keep))
      assignmentRows.push(...assignmentRowsOf(task, taskId, ctx))
    })
    await insertRows(tx, assignments, assignmentRows)
    onProgress?.({ phase: 'save', done: taskPosition, total })
  }
  await insertRows(tx, targets, targetRows)
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
