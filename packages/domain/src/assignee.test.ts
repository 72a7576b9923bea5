import { describe, expect, it } from 'vitest'
import { assignedUnits, foreignAssignees, isInUnitClass, provinceOf, resolveAssignee, resolveAssignees, unitClassMembers } from './assignee'
import type { Assignee, Unit, UnitClass } from './unit'
import { UNITS, ids } from './unit-tree.fixture'
import { buildUnitTree } from './unit-tree'

const tree = buildUnitTree(UNITS)
const unit = (id: string) => tree.byId.get(id) as Unit

const KIEN_GIANG_DEPARTMENTS = [
  'kg-so-noi-vu',
  'kg-so-tu-phap',
  'kg-so-tai-chinh',
  'kg-so-tnmt',
  'kg-van-phong',
  'kg-thanh-tra',
  'kg-cong-an',
  'kg-bhxh',
]

describe('unitClassMembers in a province plan (Kiên Giang 97/KH-UBND, 2018)', () => {
  const scope = { unitId: 'kien-giang', date: '2018-05-18' }
  it.each<[UnitClass, string, string[]]>([
    ['province-committee', 'UBND tỉnh', ['kien-giang']],
    ['departments', 'Các sở, ban, ngành (incl. Văn phòng UBND tỉnh, Thanh tra tỉnh, Công an tỉnh)', KIEN_GIANG_DEPARTMENTS],
    ['district-committees', 'UBND cấp huyện', ['rach-gia', 'chau-thanh-kg']],
    ['commune-committees', 'UBND cấp xã', ['vinh-thanh-van', 'minh-luong']],
    ['mass-organisations', 'MTTQ và các đoàn thể (every level)', ['kg-mttq', 'vinh-thanh-van-ban-ttnd']],
    ['media', 'Cơ quan thông tin đại chúng', ['kg-bao', 'kg-dai']],
    [
      'related-agencies',
      'Các cơ quan có liên quan (state bodies at every level)',
      [...KIEN_GIANG_DEPARTMENTS, 'rach-gia-thanh-tra', 'rach-gia-phong-noi-vu'],
    ],
    ['inspectorates', 'Thanh tra các cấp (not Ban Thanh tra nhân dân)', ['kg-thanh-tra', 'rach-gia-thanh-tra']],
    ['civil-servants', 'Công chức liên quan (no staff posts loaded for Kiên Giang)', []],
  ])('%s (%s)', (unitClass, _text, expected) => {
    expect(ids(unitClassMembers(unitClass, tree, scope))).toEqual(expected)
  })

  it('all-units takes every body in the province, the province committee included, never another province', () => {
    const members = ids(unitClassMembers('all-units', tree, scope))
    expect(members).toHaveLength(19)
    expect(members[0]).toBe('kien-giang')
    expect(members).not.toContain('an-giang')
  })
})

describe('unitClassMembers in a commune plan (Đức Hợp 2023)', () => {
  const scope = { unitId: 'duc-hop', date: '2023-01-19' }
  it.each<[UnitClass, string, string[]]>([
    ['commune-committees', 'UBND xã: the scope root itself', ['duc-hop']],
    ['civil-servants', 'Cán bộ, công chức xã', ['duc-hop-vp-tk', 'duc-hop-vh-tt', 'duc-hop-tp-ht']],
    ['mass-organisations', 'UBMTTQ và các ban ngành đoàn thể xã', ['duc-hop-mttq', 'duc-hop-doan']],
    ['media', 'Đài truyền thanh xã', ['duc-hop-dai']],
    ['all-units', 'bodies, not staff posts, and not the neighbouring Mai Động', ['duc-hop', 'duc-hop-mttq', 'duc-hop-doan', 'duc-hop-dai']],
    ['province-committee', 'no province inside a commune', []],
    ['district-committees', 'no district inside a commune', []],
    ['departments', 'the commune has no sở', []],
  ])('%s (%s)', (unitClass, _text, expected) => {
    expect(ids(unitClassMembers(unitClass, tree, scope))).toEqual(expected)
  })
})

describe('unitClassMembers over time', () => {
  it.each([
    ['districts exist when the plan is issued', '2018-05-18', ['rach-gia', 'chau-thanh-kg']],
    ['districts are gone after 1 July 2025', '2025-07-01', []],
  ])('%s', (_case, date, expected) => {
    expect(ids(unitClassMembers('district-committees', tree, { unitId: 'kien-giang', date }))).toEqual(expected)
  })

  it('without a date takes every unit, whatever its validity', () => {
    expect(ids(unitClassMembers('district-committees', tree, { unitId: 'kien-giang' }))).toEqual(['rach-gia', 'chau-thanh-kg'])
  })

  it('finds nothing under an unknown scope', () => {
    expect(unitClassMembers('all-units', tree, { unitId: 'no-such-unit' })).toEqual([])
  })
})

describe('isInUnitClass', () => {
  it.each<[string, UnitClass, string, boolean]>([
    ['Phòng Nội vụ is a department of a district plan', 'departments', 'rach-gia', true],
    ['Phòng Nội vụ is not a department of a province plan ("sở" level)', 'departments', 'kien-giang', false],
  ])('%s', (_case, unitClass, rootId, expected) => {
    expect(isInUnitClass(unit('rach-gia-phong-noi-vu'), unitClass, unit(rootId))).toBe(expected)
  })
})

describe('resolveAssignee', () => {
  const kienGiang = { unitId: 'kien-giang' }
  it.each<[string, Assignee, { unitId: string; date?: string }, string[]]>([
    ['a named unit stands for itself', { text: 'Sở Nội vụ', unitId: 'kg-so-noi-vu' }, kienGiang, ['kg-so-noi-vu']],
    ['a named unit outside the scope still resolves', { text: 'Bộ Nội vụ', unitId: 'bo-noi-vu' }, kienGiang, ['bo-noi-vu']],
    [
      'a class resolves inside the scope',
      { text: 'UBND cấp huyện', unitClass: 'district-committees' },
      kienGiang,
      ['rach-gia', 'chau-thanh-kg'],
    ],
    ['unitId wins over unitClass', { text: 'Sở Tư pháp', unitId: 'kg-so-tu-phap', unitClass: 'departments' }, kienGiang, ['kg-so-tu-phap']],
    [
      'a named unit that has ended stands for its successor on the date',
      { text: 'UBND tỉnh Kiên Giang', unitId: 'kien-giang' },
      { unitId: 'kien-giang', date: '2025-07-01' },
      ['an-giang-2025'],
    ],
    ['an unmatched text is unresolved', { text: 'Sở Kế hoạch và Đầu tư' }, kienGiang, []],
    ['an unknown unit id is unresolved', { text: 'Điện lực tỉnh', unitId: 'kg-dien-luc' }, kienGiang, []],
  ])('%s', (_case, assignee, scope, expected) => {
    const resolved = resolveAssignee(assignee, tree, scope)
    expect(resolved.assignee).toBe(assignee)
    expect(ids(resolved.units)).toEqual(expected)
    expect(resolved.unresolved).toBe(expected.length === 0)
  })
})

describe('resolveAssignees', () => {
  it('resolves Lào Cai 165/KH-UBND "Cơ quan phối hợp: Các sở, ban, ngành; UBND cấp huyện; UBND cấp xã." in order', () => {
    const resolved = resolveAssignees(
      [
        { text: 'Các sở, ban, ngành', unitClass: 'departments' },
        { text: 'UBND cấp huyện', unitClass: 'district-committees' },
        { text: 'UBND cấp xã', unitClass: 'commune-committees' },
      ],
      tree,
      { unitId: 'lao-cai', date: '2020-06-11' },
    )
    expect(resolved.map((r) => ids(r.units))).toEqual([
      ['lc-so-noi-vu', 'lc-so-tu-phap', 'lc-van-phong', 'lc-so-tttt', 'lc-so-khcn'],
      ['tp-lao-cai', 'sa-pa'],
      ['cau-may'],
    ])
    expect(resolved.every((r) => !r.unresolved)).toBe(true)
  })
})

describe('assignedUnits', () => {
  const LAO_CAI_COORDINATORS: Assignee[] = [
    { text: 'Các sở, ban, ngành', unitClass: 'departments' },
    { text: 'UBND cấp huyện', unitClass: 'district-committees' },
    { text: 'UBND cấp xã', unitClass: 'commune-committees' },
  ]

  it.each<[string, Assignee[], Assignee[], { unitId: string; date?: string }, { lead: string[]; coordinators: string[] }]>([
    [
      'Lào Cai area 1: Sở Nội vụ leads and is not counted again among "Các sở, ban, ngành"',
      [{ text: 'Sở Nội vụ', unitId: 'lc-so-noi-vu' }],
      LAO_CAI_COORDINATORS,
      { unitId: 'lao-cai', date: '2020-06-11' },
      {
        lead: ['lc-so-noi-vu'],
        coordinators: ['lc-so-tu-phap', 'lc-van-phong', 'lc-so-tttt', 'lc-so-khcn', 'tp-lao-cai', 'sa-pa', 'cau-may'],
      },
    ],
    [
      'Lào Cai area 7 read after the 2025 mergers: both leading sở map to one merged Sở KH&CN',
      [
        { text: 'Sở Thông tin và Truyền thông', unitId: 'lc-so-tttt' },
        { text: 'Sở Khoa học và Công nghệ', unitId: 'lc-so-khcn' },
      ],
      [],
      { unitId: 'lao-cai', date: '2025-07-01' },
      { lead: ['lc2025-so-khcn'], coordinators: [] },
    ],
    [
      'Kiên Giang task 1.2: "Sở Nội vụ, UBND cấp huyện; UBND cấp xã" with "Sở Nội vụ, các cơ quan có liên quan"',
      [
        { text: 'Sở Nội vụ', unitId: 'kg-so-noi-vu' },
        { text: 'UBND cấp huyện', unitClass: 'district-committees' },
        { text: 'UBND cấp xã', unitClass: 'commune-committees' },
      ],
      [
        { text: 'Sở Nội vụ', unitId: 'kg-so-noi-vu' },
        { text: 'các cơ quan có liên quan', unitClass: 'related-agencies' },
      ],
      { unitId: 'kien-giang', date: '2018-05-18' },
      {
        lead: ['kg-so-noi-vu', 'rach-gia', 'chau-thanh-kg', 'vinh-thanh-van', 'minh-luong'],
        coordinators: [
          'kg-so-tu-phap',
          'kg-so-tai-chinh',
          'kg-so-tnmt',
          'kg-van-phong',
          'kg-thanh-tra',
          'kg-cong-an',
          'kg-bhxh',
          'rach-gia-thanh-tra',
          'rach-gia-phong-noi-vu',
        ],
      },
    ],
    [
      'Đức Hợp III.4: MTTQ and the đoàn thể, in close coordination with the commune committee',
      [{ text: 'Ủy ban Mặt trận Tổ quốc Việt Nam xã và các ngành đoàn thể xã', unitClass: 'mass-organisations' }],
      [{ text: 'UBND xã (qua Văn phòng UBND xã)', unitClass: 'commune-committees' }],
      { unitId: 'duc-hop', date: '2023-01-19' },
      { lead: ['duc-hop-mttq', 'duc-hop-doan'], coordinators: ['duc-hop'] },
    ],
  ])('%s', (_case, lead, coordinators, scope, expected) => {
    const assigned = assignedUnits({ lead, coordinators }, tree, scope)
    expect({ lead: ids(assigned.lead), coordinators: ids(assigned.coordinators) }).toEqual(expected)
    expect(ids(assigned.all)).toEqual([...expected.lead, ...expected.coordinators])
  })
})

describe('assignedUnits of a task without a lead', () => {
  const standingAgency = { text: 'Sở Nội vụ', unitId: 'kg-so-noi-vu' }
  const scope = { unitId: 'kien-giang' }

  it('is led by the plan’s standing agency, which then owes its reports; its coordinators stay', () => {
    const assigned = assignedUnits({ lead: [], coordinators: [{ text: 'Sở Tư pháp', unitId: 'kg-so-tu-phap' }] }, tree, scope, {
      standingAgency,
    })
    expect({ lead: ids(assigned.lead), coordinators: ids(assigned.coordinators), flagged: assigned.leadByStandingAgency }).toEqual({
      lead: ['kg-so-noi-vu'],
      coordinators: ['kg-so-tu-phap'],
      flagged: true,
    })
  })

  it('is nobody’s when the plan names no standing agency, and a lead that matched no unit is not replaced', () => {
    expect(assignedUnits({ lead: [], coordinators: [] }, tree, scope)).toMatchObject({ lead: [], leadByStandingAgency: false })
    const unmatched = assignedUnits({ lead: [{ text: 'Ban Dân vận' }], coordinators: [] }, tree, scope, { standingAgency })
    expect(unmatched).toMatchObject({ lead: [], leadByStandingAgency: false })
  })
})

describe('provinceOf', () => {
  it.each([
    ['a commune lies in its province', 'minh-luong', 'kien-giang'],
    ['a province is its own', 'kien-giang', 'kien-giang'],
    ['a ministry lies in none', 'bo-noi-vu', undefined],
    ['an unknown id in none', 'no-such-unit', undefined],
  ])('%s', (_case, unitId, expected) => {
    expect(provinceOf(unitId, tree)?.id).toBe(expected)
  })
})

describe('foreignAssignees', () => {
  const planNaming = (...unitIds: string[]) => ({
    scopeUnitId: 'kien-giang',
    issuedOn: '2018-05-18',
    sections: [{ tasks: [{ code: '1.1', lead: unitIds.map((unitId) => ({ text: unitId, unitId })), coordinators: [] }] }],
  })

  it('a Kiên Giang plan may name its own units and national bodies (Bộ Nội vụ)', () => {
    expect(foreignAssignees(planNaming('kg-so-noi-vu', 'minh-luong', 'bo-noi-vu'), tree)).toEqual([])
  })

  it('a Kiên Giang plan may not name a Lào Cai department: its reports would leak across provinces', () => {
    expect(foreignAssignees(planNaming('kg-so-noi-vu', 'lc-so-noi-vu'), tree)).toEqual([
      { taskCode: '1.1', unitId: 'lc-so-noi-vu', unitName: 'Sở Nội vụ' },
    ])
  })

  it('a plan without a scope (national, kept by admins) may name any unit', () => {
    expect(foreignAssignees({ ...planNaming('lc-so-noi-vu'), scopeUnitId: undefined }, tree)).toEqual([])
  })
})
