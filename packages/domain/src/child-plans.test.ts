import { describe, expect, it } from 'vitest'
import { childPlanAccess, shownPeriodOf } from './child-plans'
import type { RoleGrant } from './permission'
import { buildUnitTree } from './unit-tree'
import { UNITS } from './unit-tree.fixture'

const tree = buildUnitTree(UNITS)
const user = (...roles: RoleGrant[]) => ({ roles })

describe('shownPeriodOf', () => {
  const province = [
    { code: '2018', dueOn: '2018-12-18' },
    { code: '2018S1', dueOn: '2018-06-18' },
  ]
  it.each([
    ['the period named, when open on the plan', province, '2019-01-05', '2018S1', '2018S1'],
    ['the last one due, when none is named', province, '2019-01-05', undefined, '2018'],
    ['the last one due before the day', province, '2018-07-01', undefined, '2018S1'],
    ['the first one open, when none is due yet', province, '2018-03-01', undefined, '2018S1'],
    // Đức Hợp 2023 under a province plan of 2018: its own periods, not the parent's.
    [
      'the child’s own period when the one named is not open on it',
      [{ code: '2023S1', dueOn: '2023-06-02' }],
      '2024-01-01',
      '2018S1',
      '2023S1',
    ],
  ] as const)('%s', (_, periods, day, wanted, expected) => {
    expect(shownPeriodOf(periods, day, wanted)).toBe(expected)
  })
  it('none when no period is open', () => expect(shownPeriodOf([], '2018-07-01', '2018S1')).toBeUndefined())
})

describe('childPlanAccess', () => {
  it.each<[string, RoleGrant, string, 'figures' | 'listed' | 'none']>([
    ['the province planner sees a commune plan’s figures', { role: 'planner', unitId: 'kien-giang' }, 'vinh-thanh-van', 'figures'],
    ['a viewer of the district sees its commune’s figures', { role: 'viewer', unitId: 'chau-thanh-kg' }, 'minh-luong', 'figures'],
    [
      'the commune’s reporter sees its own plan listed, and its own dashboard',
      { role: 'reporter', unitId: 'vinh-thanh-van' },
      'vinh-thanh-van',
      'figures',
    ],
    [
      'a commune’s reporter reads the district plan above it, not its figures',
      { role: 'reporter', unitId: 'minh-luong' },
      'chau-thanh-kg',
      'listed',
    ],
    ['another commune’s plan is not listed at all', { role: 'reporter', unitId: 'minh-luong' }, 'vinh-thanh-van', 'none'],
  ])('%s', (_, grant, unitId, expected) => {
    expect(childPlanAccess(user(grant), unitId, tree)).toBe(expected)
  })
})
