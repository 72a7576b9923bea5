import type { Assignee } from '@papi/domain'
import type { PlanDetail, TaskAssignee, TaskDto } from '../api/types'

export type AssignmentRole = TaskAssignee['role']

export interface AssignmentMatrix {
  /** Every unit some task is assigned to, by how many tasks it leads, then by name. */
  units: { id: string; name: string; leads: number; coordinates: number }[]
  rows: { task: TaskDto; sectionCode: string; roles: Map<string, AssignmentRole> }[]
}

const collator = new Intl.Collator('vi', { numeric: true })

/**
 * Tasks × units from the plan's resolved assignees. A unit that both leads and coordinates a
 * task (named twice in the plan) shows as lead.
 */
export function assignmentMatrix(plan: PlanDetail): AssignmentMatrix {
  const units = new Map<string, { id: string; name: string; leads: number; coordinates: number }>()
  const rows = plan.sections.flatMap((section) =>
    section.tasks.map((task) => {
      const roles = new Map<string, AssignmentRole>()
      for (const a of task.assignees) {
        if (roles.get(a.unitId) !== 'lead') roles.set(a.unitId, a.role)
      }
      for (const [unitId, role] of roles) {
        const name = task.assignees.find((a) => a.unitId === unitId)?.unitName ?? unitId
        const u = units.get(unitId) ?? { id: unitId, name, leads: 0, coordinates: 0 }
        if (role === 'lead') u.leads += 1
        else u.coordinates += 1
        units.set(unitId, u)
      }
      return { task, sectionCode: section.code, roles }
    }),
  )
  return {
    units: [...units.values()].sort((a, b) => b.leads - a.leads || b.coordinates - a.coordinates || collator.compare(a.name, b.name)),
    rows,
  }
}

/**
 * The units an assignee as written in the plan resolved to ("UBND cấp xã" → every commune of
 * the scope), read from the task's resolved assignees.
 */
export function unitsOfAssignee(task: TaskDto, role: AssignmentRole, assignee: Assignee): { id: string; name: string }[] {
  return task.assignees
    .filter((a) => a.role === role && (a.assigneeText === assignee.text || (assignee.unitId !== undefined && a.unitId === assignee.unitId)))
    .map((a) => ({ id: a.unitId, name: a.unitName }))
}

/**
 * A coordinator the plan also names as lead ("Sở Nội vụ" in both columns of Kiên Giang 1.2):
 * the domain keeps each unit in one role per task, so it resolves under lead, not here.
 */
export function leadsAlready(task: TaskDto, assignee: Assignee): boolean {
  return unitsOfAssignee(task, 'coordinator', assignee).length === 0 && unitsOfAssignee(task, 'lead', assignee).length > 0
}
