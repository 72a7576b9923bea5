import { describe, expect, it } from 'vitest'
import { isNarrativeEmpty, mayWritePeriodNarrative, NARRATIVE_PART_MAX, PeriodNarrativeSchema } from './period-narrative'
import type { RoleGrant } from './permission'
import { buildUnitTree } from './unit-tree'
import { UNITS } from './unit-tree.fixture'

const tree = buildUnitTree(UNITS)
const user = (...roles: RoleGrant[]) => ({ roles })
const provincePlan = { scopeUnitId: 'kien-giang', standingAgency: { unitId: 'kg-so-noi-vu' } }

describe('PeriodNarrativeSchema', () => {
  it('reads the four parts, trimmed, with Windows line ends made plain', () => {
    const narrative = PeriodNarrativeSchema.parse({ results: '  Đã niêm yết công khai.\r\nĐạt 100 %.  ', proposals: 'Đề nghị Sở Nội vụ…' })
    expect(narrative).toEqual({
      results: 'Đã niêm yết công khai.\nĐạt 100 %.',
      limits: '',
      nextTasks: '',
      proposals: 'Đề nghị Sở Nội vụ…',
    })
  })

  it(`refuses a part longer than ${NARRATIVE_PART_MAX} characters, naming the part`, () => {
    const result = PeriodNarrativeSchema.safeParse({ limits: 'x'.repeat(NARRATIVE_PART_MAX + 1) })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['limits'])
  })

  it('an empty narrative is one where nothing but blanks was written', () => {
    expect(isNarrativeEmpty(PeriodNarrativeSchema.parse({ results: '   ' }))).toBe(true)
    expect(isNarrativeEmpty({ nextTasks: 'Tiếp tục rà soát thủ tục.' })).toBe(false)
  })
})

describe('mayWritePeriodNarrative', () => {
  it.each<[string, { roles: RoleGrant[] }, boolean]>([
    ['the province planner writes the province plan’s report', user({ role: 'planner', unitId: 'kien-giang' }), true],
    ['a planner of the standing agency (Sở Nội vụ) writes it', user({ role: 'planner', unitId: 'kg-so-noi-vu' }), true],
    ['an admin writes it', user({ role: 'admin', unitId: null }), true],
    ['a district planner only reads the province plan', user({ role: 'planner', unitId: 'rach-gia' }), false],
    ['a reporter of the province unit does not write it', user({ role: 'reporter', unitId: 'kien-giang' }), false],
    ['a viewer of the province does not write it', user({ role: 'viewer', unitId: 'kien-giang' }), false],
  ])('%s', (_, who, expected) => {
    expect(mayWritePeriodNarrative(who, provincePlan, tree)).toBe(expected)
  })

  it('a plan without a standing agency unit is written by planners over its own unit only', () => {
    const plan = { issuerUnitId: 'rach-gia' }
    expect(mayWritePeriodNarrative(user({ role: 'planner', unitId: 'rach-gia' }), plan, tree)).toBe(true)
    expect(mayWritePeriodNarrative(user({ role: 'planner', unitId: 'kg-so-noi-vu' }), plan, tree)).toBe(false)
  })
})
