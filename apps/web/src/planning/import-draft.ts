import type { Plan } from '@papi/domain'

// The rules of picking units for names live in the domain (the API applies the same picks to a
// revision): re-exported under the names the import screen uses.
export {
  isUnmatched,
  standsForNoUnit,
  unmatchedNames,
  withPickedUnits as withChosenUnits,
  type AssigneeUse,
  type UnmatchedName,
} from '@papi/domain'

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
