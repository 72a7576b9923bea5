import { describe, expect, it } from 'vitest'
import { planIssuerLevel, planScopeUnitId } from './plan'
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
