import { z } from 'zod'
import { unitClassMembers } from './assignee'
import type { Plan } from './plan'
import { foldText } from './text'
import type { Assignee } from './unit'
import type { UnitTree } from './unit-tree'

/**
 * A planner's fixes to a plan's assignees: for a name the importer matched to no unit of the
 * plan's scope, the unit the planner picked. Keyed by the folded name ({@link foldText}: case,
 * accents and spacing ignored), so one pick fixes every task that writes the name, however spelt.
 */
export const AssigneePicksSchema = z.record(z.string().min(1).max(500), z.string().min(1).max(200))
export type AssigneePicks = z.infer<typeof AssigneePicksSchema>

/** Where a plan names an assignee: the task and whether it leads or coordinates. */
export interface AssigneeUse {
  sectionCode: string
  taskCode: string
  role: 'lead' | 'coordinators'
}

/** A name that stands for no unit, with every place the plan writes it. */
export interface UnmatchedName {
  /** The folded text (case, accents and spacing ignored): one pick fixes every spelling. */
  key: string
  /** As the plan first writes it. */
  text: string
  uses: AssigneeUse[]
}

const ROLES = ['lead', 'coordinators'] as const

/** An assignee the organisation tree does not resolve: no unit and no class of units. */
export function isUnmatched(a: Assignee): boolean {
  return a.unitId === undefined && a.unitClass === undefined
}

/**
 * An assignee that stands for no unit of the plan's scope: matched to nothing, or a class with no
 * member there — "Công chức liên quan" (civil-servant posts) when the register holds no posts, which
 * would otherwise import silently and show up only in the period report as "not found".
 *
 * @example
 * standsForNoUnit(tree, kienGiang.id)({ text: 'Công chức liên quan', unitClass: 'civil-servants' }) // true
 * standsForNoUnit(tree, kienGiang.id)({ text: 'UBND cấp xã', unitClass: 'commune-committees' }) // false
 */
export function standsForNoUnit(tree: UnitTree | undefined, scopeUnitId: string | undefined): (a: Assignee) => boolean {
  return (a) => {
    if (isUnmatched(a)) return true
    if (a.unitId !== undefined || a.unitClass === undefined || tree === undefined || scopeUnitId === undefined) return false
    return unitClassMembers(a.unitClass, tree, { unitId: scopeUnitId }).length === 0
  }
}

/**
 * The names of a plan that stand for no unit, in the order the plan first writes them, each with
 * the tasks that name it — what the planner fixes by picking a unit. `open` says which assignees
 * still need a unit ({@link standsForNoUnit}; unmatched ones by default).
 *
 * @example
 * unmatchedNames(dryRun.plan)[0] // { key: 'so khoa hoc va cong nghe', text: 'Sở Khoa học và Công nghệ', uses: [{ taskCode: '7.4', role: 'lead', … }] }
 */
export function unmatchedNames(plan: Pick<Plan, 'sections'>, open: (a: Assignee) => boolean = isUnmatched): UnmatchedName[] {
  const byKey = new Map<string, UnmatchedName>()
  for (const section of plan.sections) {
    for (const task of section.tasks) {
      for (const role of ROLES) {
        for (const a of task[role]) {
          if (!open(a)) continue
          const key = foldText(a.text)
          const entry = byKey.get(key) ?? { key, text: a.text, uses: [] }
          entry.uses.push({ sectionCode: section.code, taskCode: task.code, role })
          byKey.set(key, entry)
        }
      }
    }
  }
  return [...byKey.values()]
}

/**
 * The plan with the planner's picks applied: every assignee `open` says needs a unit and whose
 * folded text has a pick gets that unit, keeping the plan's own words in `text` (and its class:
 * the unit wins over it). Nothing else changes.
 *
 * @example
 * withPickedUnits(plan, new Map([['so khoa hoc va cong nghe', 'kg-snv']]))
 */
export function withPickedUnits<P extends Pick<Plan, 'sections'>>(
  plan: P,
  picks: ReadonlyMap<string, string> | AssigneePicks,
  open: (a: Assignee) => boolean = isUnmatched,
): P {
  const chosen = picks instanceof Map ? picks : new Map(Object.entries(picks))
  const pick = (a: Assignee): Assignee => {
    if (!open(a)) return a
    const unitId = chosen.get(foldText(a.text))
    return unitId === undefined || unitId === '' ? a : { ...a, unitId }
  }
  return {
    ...plan,
    sections: plan.sections.map((s) => ({
      ...s,
      tasks: s.tasks.map((t) => ({ ...t, lead: t.lead.map(pick), coordinators: t.coordinators.map(pick) })),
    })),
  }
}
