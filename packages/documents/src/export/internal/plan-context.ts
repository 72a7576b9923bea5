// Internal: what both export models need to know about a plan and its organisation — the unit
// tree, the plan's scope, who each task's assignees are — worked out once by the domain's rules.
import {
  assignedUnits,
  buildUnitTree,
  enumLabel,
  parsePeriod,
  planIssuerLevel,
  planScopeUnitId,
  resolveAssignees,
  type Assignee,
  type AssigneeScope,
  type Locale,
  type Plan,
  type PeriodId,
  type Task,
  type TaskAssignment,
  type Unit,
  type UnitLevel,
  type UnitTree,
} from '@papi/domain'

export interface PlanContext {
  tree: UnitTree
  /** The unit whose subtree classes resolve in; undefined when the plan names none and no single root exists. */
  scopeUnitId: string | undefined
  /** Level the plan's own deadlines are stated for (its scope unit's level; province by default). */
  issuerLevel: UnitLevel
}

/**
 * The plan's tree and scope. The scope is the plan's scope unit, else its issuer unit, else the
 * one root of the units given (a store loads one province at a time).
 */
export function planContext(plan: Plan, units: readonly Unit[]): PlanContext {
  const tree = buildUnitTree(units)
  const named = planScopeUnitId(plan)
  const scopeUnitId = named !== undefined && tree.byId.has(named) ? named : tree.roots.length === 1 ? tree.roots[0]?.id : undefined
  return { tree, scopeUnitId, issuerLevel: planIssuerLevel({ scopeUnitId }, tree.byId) }
}

/** The id reports carry for a task: its id, else its code (as `progressRollup` reads them). */
export function taskIdOf(task: Task): string {
  return task.id ?? task.code
}

/**
 * Who an assignee is, in words: the plan's own words in Vietnamese; in English the class label
 * or the unit's name (unit names stay Vietnamese: they are proper names).
 */
export function assigneeName(assignee: Assignee, tree: UnitTree, locale: Locale): string {
  if (locale === 'vi') return assignee.text
  if (assignee.unitId !== undefined) return tree.byId.get(assignee.unitId)?.name ?? assignee.text
  if (assignee.unitClass !== undefined) return enumLabel('unitClass', assignee.unitClass, locale)
  return assignee.text
}

/** The scope `assignedUnits` resolves in: the plan's scope unit, on the period's last day. */
function assigneeScope(context: PlanContext, periodId: PeriodId | undefined): AssigneeScope | undefined {
  if (context.scopeUnitId === undefined) return undefined
  const parsed = periodId === undefined ? undefined : parsePeriod(periodId)
  return parsed?.ok ? { unitId: context.scopeUnitId, date: parsed.period.end } : { unitId: context.scopeUnitId }
}

/**
 * Units each task is assigned to, as `progressRollup` takes them: leads drive progress and owe
 * the period's reports; coordinators are listed too. Without a scope only named units resolve.
 * With `visible`, only those units' assignments are kept (the reader's scope).
 */
export function taskAssignments(
  plan: Plan,
  context: PlanContext,
  periodId: PeriodId | undefined,
  visible?: ReadonlySet<string>,
): TaskAssignment[] {
  // Named units resolve anywhere; classes need a scope. A placeholder scope resolves no class.
  const scope = assigneeScope(context, periodId) ?? { unitId: '' }
  return plan.sections.flatMap((section) =>
    section.tasks.flatMap((task) => {
      // A task without a lead is the standing agency's to report on, as in periodFigures and the dashboard.
      const { lead, coordinators } = assignedUnits(task, context.tree, scope, { standingAgency: plan.standingAgency })
      const taskId = taskIdOf(task)
      return [
        ...lead.map((unit) => ({ taskId, unitId: unit.id, role: 'lead' as const })),
        ...coordinators.map((unit) => ({ taskId, unitId: unit.id, role: 'coordinator' as const })),
      ].filter((a) => visible === undefined || visible.has(a.unitId))
    }),
  )
}

/** The reports of visible units only (all of them without `visible`). */
export function visibleReports<R extends { unitId: string }>(reports: readonly R[], visible?: ReadonlySet<string>): readonly R[] {
  return visible === undefined ? reports : reports.filter((r) => visible.has(r.unitId))
}

/** Assignees that stand for no unit, for someone to review. */
export function unresolvedAssignees(
  plan: Plan,
  context: PlanContext,
  periodId: PeriodId | undefined,
): { taskCode: string; text: string }[] {
  const scope = assigneeScope(context, periodId) ?? { unitId: '' }
  const found: { taskCode: string; text: string }[] = []
  for (const section of plan.sections) {
    for (const task of section.tasks) {
      for (const resolved of resolveAssignees([...task.lead, ...task.coordinators], context.tree, scope)) {
        if (resolved.unresolved) found.push({ taskCode: task.code, text: resolved.assignee.text })
      }
    }
  }
  return found
}
