import { describe, expect, it } from 'vitest'
import { duplicateCodes, planIssuerLevel, planScopeUnitId } from './plan'
import type { UnitLevel } from './unit'
import { buildUnitTree } from './unit-tree'
import { UNITS } from './unit-tree.fixture'

const tree = buildUnitTree(UNITS)

describe('planScopeUnitId', () => {
  it.each<[string, { scopeUnitId?: string; issuerUnitId?: string }, string | undefined]>([
    ['Kiên Giang 97/KH-UBND covers its issuer’s province', { issuerUnitId: 'kien-giang' }, 'kien-giang'],
    ['a named scope wins over the issuer', { scopeUnitId: 'rach-gia', issuerUnitId: 'kien-giang' }, 'rach-gia'],
    ['a plan that names no unit covers none', {}, undefined],
  ])('%s', (_case, plan, expected) => {
    expect(planScopeUnitId(plan)).toBe(expected)
  })
})

describe('planIssuerLevel', () => {
  it.each<[string, { scopeUnitId?: string; issuerUnitId?: string }, UnitLevel]>([
    ['a province plan states the province’s deadlines', { issuerUnitId: 'kien-giang' }, 'province'],
    ['Đức Hợp 2023 states the commune’s', { scopeUnitId: 'duc-hop' }, 'commune'],
    ['a district plan the district’s', { issuerUnitId: 'rach-gia' }, 'district'],
    ['a unit missing from the tree reads as a province', { scopeUnitId: 'no-such-unit' }, 'province'],
    ['so does a plan that names no unit', {}, 'province'],
  ])('%s', (_case, plan, expected) => {
    expect(planIssuerLevel(plan, tree.byId)).toBe(expected)
  })

  it('takes any map of units by id', () => {
    expect(planIssuerLevel({ scopeUnitId: 'x' }, new Map([['x', { level: 'commune' as const }]]))).toBe('commune')
  })
})

describe('duplicateCodes', () => {
  const task = (code: string) => ({ code })
  it.each<[string, { code: string; tasks: { code: string }[] }[], string[]]>([
    [
      'Kiên Giang 97/KH-UBND numbers each task once',
      [
        { code: '1', tasks: [task('1.1'), task('1.2')] },
        { code: '2', tasks: [task('2.1')] },
      ],
      [],
    ],
    ['a task code twice in one section', [{ code: '1', tasks: [task('1.1'), task('1.1')] }], ['task 1.1']],
    [
      'a task code in two sections',
      [
        { code: '1', tasks: [task('1.1')] },
        { code: '2', tasks: [task('1.1')] },
      ],
      ['task 1.1'],
    ],
    [
      'a section code twice',
      [
        { code: '1', tasks: [] },
        { code: '1', tasks: [] },
      ],
      ['section 1'],
    ],
  ])('%s', (_case, sections, expected) => {
    expect(duplicateCodes({ sections })).toEqual(expected)
  })
})
