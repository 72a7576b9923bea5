import { z } from 'zod'

/** One task assigned to one unit, leading or coordinating it. */
export interface AssignmentRef {
  taskId: string
  unitId: string
  role: 'lead' | 'coordinator'
}

export const AssignmentChangeSchema = z.object({
  taskId: z.string(),
  role: z.enum(['lead', 'coordinator']),
})

/** What a revision does to one unit's work: the tasks it gains and loses, and those it keeps because it reported on them. */
export const UnitAssignmentChangesSchema = z.object({
  unitId: z.string(),
  gained: z.array(AssignmentChangeSchema),
  lost: z.array(AssignmentChangeSchema),
  /** Assignments the new text drops, kept because the unit filed reports on the task. */
  kept: z.array(AssignmentChangeSchema),
})
export type UnitAssignmentChanges = z.infer<typeof UnitAssignmentChangesSchema>

const key = (a: { taskId: string; unitId: string }) => `${a.taskId}\u0000${a.unitId}`

/**
 * The assignments a revision stores: the new text's, plus every stored assignment the text drops
 * on which the unit filed a report (by task and unit) — a filed report stays part of the plan's
 * record, counted for the unit that filed it, whatever the new text says. A unit that stays
 * assigned keeps only its new role. `kept` lists the assignments kept that way.
 *
 * @example
 * keepReportedAssignments(
 *   [{ taskId: 't1', unitId: 'snv', role: 'lead' }],
 *   [{ taskId: 't1', unitId: 'stc', role: 'lead' }],
 *   new Set(['t1\u0000snv']),
 * ) // { assignments: [stc lead, snv lead], kept: [snv lead] }
 */
export function keepReportedAssignments<A extends AssignmentRef>(
  before: readonly A[],
  after: readonly A[],
  reported: { has: (taskUnit: string) => boolean },
): { assignments: A[]; kept: A[] } {
  const present = new Set(after.map(key))
  const kept = before.filter((a) => !present.has(key(a)) && reported.has(key(a)) && present.add(key(a)))
  return { assignments: [...after, ...kept], kept }
}

/** The key `keepReportedAssignments` reads reported (task, unit) pairs by. */
export function taskUnitKey(taskId: string, unitId: string): string {
  return key({ taskId, unitId })
}

/**
 * What a revision changes unit by unit: each unit that gains or loses a task (or its role on one:
 * lead → coordinator is a lead lost and a coordination gained), in the order units first appear
 * (before, then after), with the assignments kept because it reported.
 *
 * @example
 * assignmentChanges(
 *   [{ taskId: 't1', unitId: 'snv', role: 'lead' }],
 *   [{ taskId: 't1', unitId: 'snv', role: 'coordinator' }, { taskId: 't1', unitId: 'stc', role: 'lead' }],
 * ) // [{ unitId: 'snv', gained: [{ t1 coordinator }], lost: [{ t1 lead }], kept: [] }, { unitId: 'stc', gained: [{ t1 lead }], … }]
 */
export function assignmentChanges(
  before: readonly AssignmentRef[],
  after: readonly AssignmentRef[],
  kept: readonly AssignmentRef[] = [],
): UnitAssignmentChanges[] {
  const full = (a: AssignmentRef) => `${key(a)}\u0000${a.role}`
  const was = new Set(before.map(full))
  const is = new Set(after.map(full))
  const byUnit = new Map<string, UnitAssignmentChanges>()
  const entry = (unitId: string) => {
    const found = byUnit.get(unitId) ?? { unitId, gained: [], lost: [], kept: [] }
    byUnit.set(unitId, found)
    return found
  }
  for (const a of before) if (!is.has(full(a))) entry(a.unitId).lost.push({ taskId: a.taskId, role: a.role })
  for (const a of after) if (!was.has(full(a))) entry(a.unitId).gained.push({ taskId: a.taskId, role: a.role })
  for (const a of kept) entry(a.unitId).kept.push({ taskId: a.taskId, role: a.role })
  return [...byUnit.values()]
}

/** An assignment as a revision lists it: the task's code and the unit's role on it. */
export interface ListedAssignment {
  taskCode: string
  role: 'lead' | 'coordinator'
}

/**
 * A revision's units grouped by what changes for them — the same tasks gained, lost and kept, in
 * the same roles — in the order they first appear: a task moved off 140 communes is one line naming
 * them all, not 140 lines saying the same.
 *
 * @example
 * unitsChangingAlike([
 *   { unitName: 'UBND xã A', gained: [], lost: [{ taskCode: '2.6', role: 'lead' }], kept: [] },
 *   { unitName: 'UBND xã B', gained: [], lost: [{ taskCode: '2.6', role: 'lead' }], kept: [] },
 * ]) // [{ names: ['UBND xã A', 'UBND xã B'], unit: <xã A> }]
 */
export function unitsChangingAlike<
  U extends { unitName: string; gained: readonly ListedAssignment[]; lost: readonly ListedAssignment[]; kept: readonly ListedAssignment[] },
>(units: readonly U[]): { names: string[]; unit: U }[] {
  const groups = new Map<string, { names: string[]; unit: U }>()
  for (const unit of units) {
    const signature = JSON.stringify([unit.gained, unit.lost, unit.kept].map((l) => l.map((a) => `${a.taskCode} ${a.role}`)))
    const group = groups.get(signature) ?? { names: [], unit }
    group.names.push(unit.unitName)
    groups.set(signature, group)
  }
  return [...groups.values()]
}
