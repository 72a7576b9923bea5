import { describe, expect, it } from 'vitest'
import { duplicateCodes, PLAN_LIMITS, PlanSchema, planIssuerLevel, planScopeUnitId, taskCount } from './plan'
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

describe('PLAN_LIMITS', () => {
  const task = (code: string) => ({ code, title: 'Nhiệm vụ', timeframe: { kind: 'unspecified', text: '' } })
  const plan = (sections: { code: string; title: string; tasks: unknown[] }[]) => ({
    number: '97/KH-UBND',
    title: 'Kế hoạch',
    issuer: 'UBND tỉnh Kiên Giang',
    issuedOn: '2018-05-18',
    index: 'papi',
    years: { from: 2018, to: 2018 },
    sections,
  })
  const section = (code: string, tasks: number) => ({
    code,
    title: `Mục ${code}`,
    tasks: Array.from({ length: tasks }, (_, i) => task(`${code}.${i + 1}`)),
  })

  it('accepts a plan at the limits', () => {
    const half = PLAN_LIMITS.tasks / 2
    expect(PlanSchema.safeParse(plan([section('1', half), section('2', half)])).success).toBe(true)
  })

  it('refuses more tasks in all than the limit, though each section is under it', () => {
    const half = PLAN_LIMITS.tasks / 2
    const result = PlanSchema.safeParse(plan([section('1', half), section('2', half + 1)]))
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['sections'])
  })

  it('refuses more sections than the limit', () => {
    const many = Array.from({ length: PLAN_LIMITS.sections + 1 }, (_, i) => section(String(i + 1), 0))
    expect(PlanSchema.safeParse(plan(many)).success).toBe(false)
  })

  it('refuses a task naming more lead units than the limit', () => {
    const lead = Array.from({ length: PLAN_LIMITS.assignees + 1 }, (_, i) => ({ text: `Đơn vị ${i}` }))
    expect(PlanSchema.safeParse(plan([{ code: '1', title: 'Mục 1', tasks: [{ ...task('1.1'), lead }] }])).success).toBe(false)
  })

  it('counts the tasks of every section', () => {
    expect(taskCount({ sections: [{ tasks: [1, 2] }, { tasks: [3] }] })).toBe(3)
  })
})
