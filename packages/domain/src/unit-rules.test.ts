import { describe, expect, it } from 'vitest'
import { buildUnitTree } from './unit-tree'
import { UNITS } from './unit-tree.fixture'
import { mergeProblem, unitPlacementProblem } from './unit-rules'

describe('unitPlacementProblem', () => {
  it.each([
    ['a department at its province’s level', { level: 'province' }, { level: 'province' }, null],
    ['a commune under a district', { level: 'commune' }, { level: 'district' }, null],
    ['a province at the top', { level: 'province' }, null, null],
    ['a national unit under a commune', { level: 'national' }, { level: 'commune' }, 'level-above-parent'],
    ['a province under a district', { level: 'province' }, { level: 'district' }, 'level-above-parent'],
    [
      'a unit valid from after it is valid to',
      { level: 'commune', validFrom: '2025-07-01', validTo: '2025-06-30' },
      { level: 'province' },
      'dates-reversed',
    ],
    ['a unit valid for one day', { level: 'commune', validFrom: '2025-06-30', validTo: '2025-06-30' }, { level: 'province' }, null],
  ] as const)('%s → %s', (_, unit, parent, problem) => {
    expect(unitPlacementProblem(unit, parent)).toBe(problem)
  })
})

describe('mergeProblem', () => {
  const tree = buildUnitTree(UNITS)

  it('refuses Kiên Giang merged into itself, its own department or a commune of its district', () => {
    expect(mergeProblem('kien-giang', 'kien-giang', tree)).toBe('successor-in-subtree')
    expect(mergeProblem('kien-giang', 'kg-so-noi-vu', tree)).toBe('successor-in-subtree')
    expect(mergeProblem('kien-giang', 'minh-luong', tree)).toBe('successor-in-subtree')
  })

  it('accepts Kiên Giang merged into An Giang (2025)', () => {
    expect(mergeProblem('kien-giang', 'an-giang-2025', tree)).toBeNull()
  })
})
