import { foldText, type Assignee, type Plan } from '@papi/domain'

/** Where a plan names an assignee: the task and whether it leads or coordinates. */
export interface AssigneeUse {
  sectionCode: string
  taskCode: string
  role: 'lead' | 'coordinators'
}

/** A name the importer matched to no unit and no class of units, with every place it is written. */
export interface UnmatchedName {
  /** The folded text (case, accents and spacing ignored): one choice fixes every spelling. */
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
 * The names of a (dry-run) plan that resolve to no unit, in the order the plan first writes them,
 * each with the tasks that name it — what the planner fixes by picking a unit.
 *
 * @example
 * unmatchedNames(dryRun.plan)[0] // { key: 'so khoa hoc va cong nghe', text: 'Sở Khoa học và Công nghệ', uses: [{ taskCode: '7.4', role: 'lead', … }] }
 */
export function unmatchedNames(plan: Pick<Plan, 'sections'>): UnmatchedName[] {
  const byKey = new Map<string, UnmatchedName>()
  for (const section of plan.sections) {
    for (const task of section.tasks) {
      for (const role of ROLES) {
        for (const a of task[role]) {
          if (!isUnmatched(a)) continue
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
 * The plan with the planner's choices applied: every unmatched assignee whose folded text has a
 * chosen unit gets that unit, keeping the plan's own words in `text`. Nothing else changes.
 *
 * @example
 * withChosenUnits(plan, new Map([['so khoa hoc va cong nghe', 'kg-snv']]))
 */
export function withChosenUnits<P extends Pick<Plan, 'sections'>>(plan: P, chosen: ReadonlyMap<string, string>): P {
  const pick = (a: Assignee): Assignee => {
    if (!isUnmatched(a)) return a
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

/** Tasks that name nobody to lead them: flagged, and counted for the plan's standing agency. */
export function tasksWithoutLead(plan: Pick<Plan, 'sections'>): string[] {
  return plan.sections.flatMap((s) => s.tasks.filter((t) => t.lead.length === 0).map((t) => t.code))
}

/** A stored plan as the body of `PUT /plans/{id}`: the plan's own fields and the version read. */
export function planForUpdate<
  S extends Plan & {
    version: number
    id: string
    provinceId?: string
    publishedAt?: string
    unresolved?: unknown
  },
>(stored: S, changes: Partial<Plan> = {}): Plan & { version: number } {
  const { provinceId: _p, publishedAt: _at, unresolved: _u, sections, ...header } = stored
  return {
    ...header,
    ...changes,
    sections: sections.map((s) => ({
      ...s,
      tasks: s.tasks.map((task) => {
        const { assignees: _a, sectionId: _s, ...own } = task as typeof task & { assignees?: unknown; sectionId?: string }
        return own
      }),
    })),
  }
}
