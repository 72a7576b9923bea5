import { describe, expect, it } from 'vitest'
import {
  assignmentChanges,
  keepReportedAssignments,
  taskUnitKey,
  type AssignmentRef,
  type ListedAssignment,
  unitsChangingAlike,
} from './assignment-revision'

// Kiên Giang 97/KH-UBND task 1.1: Sở Nội vụ leads, the district committees coordinate.
const lead = (taskId: string, unitId: string): AssignmentRef => ({ taskId, unitId, role: 'lead' })
const coordinator = (taskId: string, unitId: string): AssignmentRef => ({ taskId, unitId, role: 'coordinator' })

describe('keepReportedAssignments', () => {
  it('keeps a dropped assignment the unit reported on, and only that one', () => {
    const before = [lead('1.1', 'snv'), coordinator('1.1', 'rach-gia'), lead('1.3', 'vinh-thanh-van')]
    const after = [lead('1.1', 'stc'), lead('1.3', 'vinh-thanh-van')]
    const result = keepReportedAssignments(before, after, new Set([taskUnitKey('1.1', 'snv'), taskUnitKey('1.3', 'vinh-thanh-van')]))
    expect(result.kept).toEqual([lead('1.1', 'snv')])
    expect(result.assignments).toEqual([lead('1.1', 'stc'), lead('1.3', 'vinh-thanh-van'), lead('1.1', 'snv')])
  })

  it('gives a unit still assigned its new role: a lead turned coordinator is not kept twice', () => {
    const result = keepReportedAssignments([lead('1.1', 'snv')], [coordinator('1.1', 'snv')], new Set([taskUnitKey('1.1', 'snv')]))
    expect(result).toEqual({ assignments: [coordinator('1.1', 'snv')], kept: [] })
  })
})

describe('assignmentChanges', () => {
  it('lists, unit by unit, the tasks gained and lost and the role changes', () => {
    const before = [lead('1.1', 'snv'), coordinator('1.1', 'rach-gia'), lead('2.1', 'stc')]
    const after = [coordinator('1.1', 'snv'), lead('1.1', 'stp'), lead('2.1', 'stc')]
    expect(assignmentChanges(before, after)).toEqual([
      { unitId: 'snv', gained: [{ taskId: '1.1', role: 'coordinator' }], lost: [{ taskId: '1.1', role: 'lead' }], kept: [] },
      { unitId: 'rach-gia', gained: [], lost: [{ taskId: '1.1', role: 'coordinator' }], kept: [] },
      { unitId: 'stp', gained: [{ taskId: '1.1', role: 'lead' }], lost: [], kept: [] },
    ])
  })

  it('is empty when nothing moves, and names the assignments kept because reported', () => {
    const same = [lead('1.1', 'snv')]
    expect(assignmentChanges(same, same)).toEqual([])
    expect(assignmentChanges(same, same, same)).toEqual([{ unitId: 'snv', gained: [], lost: [], kept: [{ taskId: '1.1', role: 'lead' }] }])
  })
})

describe('unitsChangingAlike', () => {
  const lost26: ListedAssignment[] = [{ taskCode: '2.6', role: 'lead' }]
  const unit = (unitName: string, lost = lost26, gained: typeof lost26 = []) => ({ unitName, gained, lost, kept: [] })
  it('names together the units whose work changes the same way, in the order they first appear', () => {
    const a = unit('UBND xã A')
    const snv = unit('Sở Nội vụ', [], lost26)
    const groups = unitsChangingAlike([a, snv, unit('UBND xã B'), unit('UBND xã C')])
    expect(groups.map((g) => g.names)).toEqual([['UBND xã A', 'UBND xã B', 'UBND xã C'], ['Sở Nội vụ']])
    expect(groups[0]?.unit).toBe(a)
  })
  it('keeps apart a change of role on the same task', () => {
    const coordinated: ListedAssignment[] = [{ taskCode: '2.6', role: 'coordinator' }]
    expect(unitsChangingAlike([unit('A'), unit('B', coordinated)]).map((g) => g.names)).toEqual([['A'], ['B']])
  })
  it('answers no group for no unit', () => {
    expect(unitsChangingAlike([])).toEqual([])
  })
})
