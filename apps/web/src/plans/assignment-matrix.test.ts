import { describe, expect, it } from 'vitest'
import type { PlanDetail, TaskDto } from '../api/types'
import { assignmentMatrix, leadsAlready, unitsOfAssignee } from './assignment-matrix'

const task = (code: string, assignees: TaskDto['assignees'], lead: TaskDto['lead'] = []): TaskDto => ({
  id: `t-${code}`,
  sectionId: 's1',
  code,
  title: `Nhiệm vụ ${code}`,
  lead,
  coordinators: [],
  timeframe: { kind: 'ongoing', text: 'Thường xuyên' },
  targets: [],
  assignees,
})

const plan = {
  id: 'p',
  number: '97/KH-UBND',
  sections: [
    {
      id: 's1',
      code: '1',
      title: 'Tham gia',
      tasks: [
        task('1.1', [
          { unitId: 'snv', unitName: 'Sở Nội vụ', role: 'lead', assigneeText: 'Sở Nội vụ' },
          { unitId: 'xa-a', unitName: 'UBND xã A', role: 'coordinator', assigneeText: 'UBND cấp xã' },
          { unitId: 'xa-b', unitName: 'UBND xã B', role: 'coordinator', assigneeText: 'UBND cấp xã' },
        ]),
        task('1.2', [
          { unitId: 'xa-a', unitName: 'UBND xã A', role: 'lead', assigneeText: 'UBND cấp xã' },
          { unitId: 'xa-a', unitName: 'UBND xã A', role: 'coordinator', assigneeText: 'các cơ quan liên quan' },
        ]),
      ],
    },
  ],
} as unknown as PlanDetail

describe('assignmentMatrix', () => {
  it('puts one row per task and one column per unit, most leads then most coordinations first', () => {
    const m = assignmentMatrix(plan)
    expect(m.rows.map((r) => r.task.code)).toEqual(['1.1', '1.2'])
    expect(m.units.map((u) => u.id)).toEqual(['xa-a', 'snv', 'xa-b'])
  })
  it('shows a unit named as lead and coordinator of one task as lead', () => {
    const m = assignmentMatrix(plan)
    expect(m.rows[1]?.roles.get('xa-a')).toBe('lead')
    expect(m.rows[0]?.roles.get('xa-b')).toBe('coordinator')
  })
})

describe('unitsOfAssignee', () => {
  it('lists the units a class resolved to', () => {
    const t = plan.sections[0]?.tasks[0] as TaskDto
    expect(unitsOfAssignee(t, 'coordinator', { text: 'UBND cấp xã', unitClass: 'commune-committees' }).map((u) => u.name)).toEqual([
      'UBND xã A',
      'UBND xã B',
    ])
  })
})

describe('leadsAlready', () => {
  // Kiên Giang 1.2: "Sở Nội vụ" leads and is also written among the coordinators.
  const both = task('1.2', [{ unitId: 'snv', unitName: 'Sở Nội vụ', role: 'lead', assigneeText: 'Sở Nội vụ' }], [{ text: 'Sở Nội vụ' }])
  it('tells a coordinator that already leads the task from an unmatched one', () => {
    expect(leadsAlready(both, { text: 'Sở Nội vụ' })).toBe(true)
    expect(leadsAlready(both, { text: 'Sở Nội vụ Hà Tiên' })).toBe(false)
  })
})
