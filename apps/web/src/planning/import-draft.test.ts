import { buildUnitTree, type Plan, type Unit } from '@papi/domain'
import { describe, expect, it } from 'vitest'
import { planForUpdate, standsForNoUnit, tasksWithoutLead, unmatchedNames, withChosenUnits } from './import-draft'

// Shaped like the dry run of Đức Hợp 2023 read in Kiên Giang's demo tree: one staff post named in
// several tasks (in two spellings), a class of units, a matched unit, and a task nobody leads.
const timeframe = { kind: 'unspecified', text: '' } as Plan['sections'][number]['tasks'][number]['timeframe']
const plan: Pick<Plan, 'sections'> = {
  sections: [
    {
      code: 'III.2',
      title: 'Chủ tịch UBND huyện giao làm đầu mối',
      tasks: [
        {
          code: 'III.2.1',
          title: 'Chủ động triển khai',
          lead: [{ text: 'Công chức Văn phòng- thống kê UBND xã' }],
          coordinators: [{ text: 'Các sở, ban, ngành', unitClass: 'departments' }],
          timeframe,
          targets: [],
        },
        {
          code: 'III.2.4',
          title: 'Tham mưu báo cáo',
          lead: [{ text: 'Sở Nội vụ', unitId: 'kg-snv' }],
          coordinators: [{ text: 'CÔNG CHỨC VĂN PHÒNG - THỐNG KÊ UBND XÃ' }, { text: 'cơ quan thường trực' }],
          timeframe,
          targets: [],
        },
        { code: 'III.2.5', title: 'Không ai chủ trì', lead: [], coordinators: [], timeframe, targets: [] },
      ],
    },
  ],
}

describe('unmatchedNames', () => {
  it('lists each name that matched no unit and no class once, with every task that writes it', () => {
    expect(unmatchedNames(plan)).toEqual([
      {
        key: 'cong chuc van phong thong ke ubnd xa',
        text: 'Công chức Văn phòng- thống kê UBND xã',
        uses: [
          { sectionCode: 'III.2', taskCode: 'III.2.1', role: 'lead' },
          { sectionCode: 'III.2', taskCode: 'III.2.4', role: 'coordinators' },
        ],
      },
      {
        key: 'co quan thuong truc',
        text: 'cơ quan thường trực',
        uses: [{ sectionCode: 'III.2', taskCode: 'III.2.4', role: 'coordinators' }],
      },
    ])
  })
})

describe('withChosenUnits', () => {
  it('gives every spelling of a name the unit picked for it, keeping the plan’s own words', () => {
    const fixed = withChosenUnits(plan, new Map([['cong chuc van phong thong ke ubnd xa', 'kg-rg-vtv']]))
    const [first, second] = fixed.sections[0]?.tasks ?? []
    expect(first?.lead).toEqual([{ text: 'Công chức Văn phòng- thống kê UBND xã', unitId: 'kg-rg-vtv' }])
    expect(second?.coordinators).toEqual([
      { text: 'CÔNG CHỨC VĂN PHÒNG - THỐNG KÊ UBND XÃ', unitId: 'kg-rg-vtv' },
      { text: 'cơ quan thường trực' },
    ])
    expect(unmatchedNames(fixed).map((n) => n.text)).toEqual(['cơ quan thường trực'])
  })

  it('leaves matched units and classes alone, and changes nothing without a choice', () => {
    expect(withChosenUnits(plan, new Map())).toEqual(plan)
    expect(withChosenUnits(plan, new Map([['so noi vu', 'other']])).sections[0]?.tasks[1]?.lead).toEqual([
      { text: 'Sở Nội vụ', unitId: 'kg-snv' },
    ])
  })
})

describe('tasksWithoutLead', () => {
  it('names the tasks nobody leads', () => {
    expect(tasksWithoutLead(plan)).toEqual(['III.2.5'])
  })
})

describe('planForUpdate', () => {
  it('drops what the server adds to a stored plan and keeps the version read', () => {
    const stored = {
      id: 'p1',
      provinceId: 'kg',
      version: 3,
      publishedAt: '2018-05-20T00:00:00Z',
      unresolved: [],
      number: '97/KH-UBND',
      title: 'Kế hoạch',
      issuer: 'UBND tỉnh Kiên Giang',
      issuedOn: '2018-05-18',
      index: 'papi',
      years: { from: 2018, to: 2018 },
      goals: [],
      targets: [],
      status: 'published',
      sections: [
        {
          id: 's1',
          code: '1',
          title: 'Mục',
          tasks: [
            { id: 't1', sectionId: 's1', code: '1.1', title: 'Việc', lead: [], coordinators: [], timeframe, targets: [], assignees: [] },
          ],
        },
      ],
    } as const
    const body = planForUpdate(stored as unknown as Parameters<typeof planForUpdate>[0], { parentPlanId: 'p0' })
    expect(body).not.toHaveProperty('provinceId')
    expect(body).not.toHaveProperty('unresolved')
    expect(body).toMatchObject({ id: 'p1', version: 3, parentPlanId: 'p0' })
    expect(body.sections[0]?.tasks[0]).toEqual({ id: 't1', code: '1.1', title: 'Việc', lead: [], coordinators: [], timeframe, targets: [] })
  })
})

describe('standsForNoUnit', () => {
  // Kiên Giang as the national register loads it: its committee and its departments, no staff posts.
  const unit = (id: string, name: string, kind: Unit['kind'], parentId: string | null): Unit => ({
    id,
    code: id,
    name,
    level: 'province',
    kind,
    parentId,
    successorIds: [],
  })
  const tree = buildUnitTree([
    unit('kg', 'UBND tỉnh Kiên Giang', 'people-committee', null),
    unit('kg-snv', 'Sở Nội vụ', 'department', 'kg'),
  ])
  const kienGiang97: Pick<Plan, 'sections'> = {
    sections: [
      {
        code: '3',
        title: 'Trách nhiệm giải trình với người dân',
        tasks: [
          {
            code: '3.1',
            title: 'Thực hiện tốt công tác tiếp công dân',
            lead: [{ text: 'Sở Nội vụ', unitId: 'kg-snv' }],
            coordinators: [
              { text: 'Các sở, ban, ngành', unitClass: 'departments' },
              { text: 'Công chức liên quan', unitClass: 'civil-servants' },
            ],
            timeframe,
            targets: [],
          },
        ],
      },
    ],
  }

  it('holds a class with no member in the scope open, like a name matched to nothing', () => {
    const open = standsForNoUnit(tree, 'kg')
    expect(open({ text: 'Công chức liên quan', unitClass: 'civil-servants' })).toBe(true)
    expect(open({ text: 'Các sở, ban, ngành', unitClass: 'departments' })).toBe(false)
    expect(open({ text: 'Sở Nội vụ', unitId: 'kg-snv' })).toBe(false)
    expect(open({ text: 'Điện lực tỉnh' })).toBe(true)
    // Before the units have loaded, only what matched nothing.
    expect(standsForNoUnit(undefined, 'kg')({ text: 'Công chức liên quan', unitClass: 'civil-servants' })).toBe(false)
  })

  it('lists such a class among the names to fix, and the unit picked for it is stored', () => {
    const open = standsForNoUnit(tree, 'kg')
    expect(unmatchedNames(kienGiang97, open).map((n) => n.text)).toEqual(['Công chức liên quan'])
    expect(unmatchedNames(kienGiang97)).toEqual([])
    const fixed = withChosenUnits(kienGiang97, new Map([['cong chuc lien quan', 'kg-snv']]), open)
    expect(fixed.sections[0]?.tasks[0]?.coordinators).toEqual([
      { text: 'Các sở, ban, ngành', unitClass: 'departments' },
      { text: 'Công chức liên quan', unitClass: 'civil-servants', unitId: 'kg-snv' },
    ])
  })
})
