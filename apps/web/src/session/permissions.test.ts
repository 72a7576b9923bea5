import { buildUnitTree, type Permission, type Unit } from '@papi/domain'
import { describe, expect, it } from 'vitest'
import { allows, grantedUnitIds } from './permissions'

const unit = (id: string, parentId: string | null): Unit => ({
  id,
  code: id,
  name: id,
  level: parentId === null ? 'province' : 'commune',
  kind: 'people-committee',
  parentId,
  successorIds: [],
})
const tree = buildUnitTree([unit('kg', null), unit('xa-a', 'kg'), unit('xa-b', 'kg')])
const reporter: Permission[] = [
  { action: 'report.write', scope: 'unit', unitId: 'xa-a' },
  { action: 'report.read', scope: 'unit', unitId: 'xa-a' },
]
const planner: Permission[] = [{ action: 'report.review', scope: 'subtree', unitId: 'kg' }]

describe('allows', () => {
  it('a reporter writes only its own unit’s reports', () => {
    expect(allows(reporter, 'report.write', 'xa-a', tree)).toBe(true)
    expect(allows(reporter, 'report.write', 'xa-b', tree)).toBe(false)
    expect(allows(reporter, 'report.write', 'xa-b')).toBe(false)
  })
  it('a reporter never reviews', () => {
    expect(allows(reporter, 'report.review')).toBe(false)
  })
  it('a planner reviews inside its subtree', () => {
    expect(allows(planner, 'report.review', 'xa-b', tree)).toBe(true)
    expect(allows(planner, 'report.review')).toBe(true)
  })
  it('lists the units a grant names', () => {
    expect(grantedUnitIds(reporter, 'report.write')).toEqual(['xa-a'])
  })
})
