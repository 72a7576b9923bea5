import { describe, expect, it } from 'vitest'
import type { Unit } from './unit'
import { UNITS, ids } from './unit-tree.fixture'
import {
  UnitTreeError,
  ancestorsOf,
  buildUnitTree,
  descendantsOf,
  isActiveOn,
  isWithin,
  lastDayBefore,
  organisationOn,
  predecessorsOf,
  successorsOn,
  unitsActiveOn,
} from './unit-tree'

const tree = buildUnitTree(UNITS)

describe('buildUnitTree', () => {
  it('indexes every unit by id', () => {
    expect(tree.byId.size).toBe(UNITS.length)
    expect(tree.byId.get('kg-so-noi-vu')?.name).toBe('Sở Nội vụ')
  })

  it('lists children in the order given', () => {
    expect(ids(tree.children.get('duc-hop') ?? [])).toEqual([
      'duc-hop-vp-tk',
      'duc-hop-vh-tt',
      'duc-hop-tp-ht',
      'duc-hop-mttq',
      'duc-hop-doan',
      'duc-hop-dai',
    ])
  })

  it('makes a unit whose parent is not loaded a root (one province loaded on its own)', () => {
    const partial = buildUnitTree(UNITS.filter((u) => u.id === 'duc-hop' || u.parentId === 'duc-hop'))
    expect(ids(partial.roots)).toEqual(['duc-hop'])
    expect(ancestorsOf('duc-hop-vp-tk', partial).map((u) => u.name)).toEqual(['UBND xã Đức Hợp'])
  })

  it.each<[string, Unit[], string]>([
    ['a repeated id', [UNITS[0] as Unit, UNITS[0] as Unit], 'duplicate-unit'],
    [
      'a parent cycle',
      [
        { id: 'a', code: 'A', name: 'A', level: 'province', kind: 'department', parentId: 'b', successorIds: [] },
        { id: 'b', code: 'B', name: 'B', level: 'province', kind: 'department', parentId: 'a', successorIds: [] },
      ],
      'parent-cycle',
    ],
  ])('rejects %s with a coded UnitTreeError', (_case, units, code) => {
    expect(() => buildUnitTree(units)).toThrow(UnitTreeError)
    expect(() => buildUnitTree(units)).toThrow(expect.objectContaining({ code }))
  })
})

describe('ancestorsOf', () => {
  it.each([
    ['duc-hop-vp-tk', ['duc-hop', 'kim-dong', 'hung-yen']],
    ['vinh-thanh-van', ['rach-gia', 'kien-giang']],
    ['kien-giang', []],
    ['no-such-unit', []],
  ])('%s → %j (nearest first)', (unitId, expected) => {
    expect(ids(ancestorsOf(unitId, tree))).toEqual(expected)
  })
})

describe('descendantsOf', () => {
  it.each([
    ['rach-gia', ['rach-gia-thanh-tra', 'rach-gia-phong-noi-vu', 'vinh-thanh-van', 'vinh-thanh-van-ban-ttnd']],
    [
      'kim-dong',
      [
        'kim-dong-phong-noi-vu',
        'duc-hop',
        'duc-hop-vp-tk',
        'duc-hop-vh-tt',
        'duc-hop-tp-ht',
        'duc-hop-mttq',
        'duc-hop-doan',
        'duc-hop-dai',
        'mai-dong',
      ],
    ],
    ['duc-hop-dai', []],
    ['no-such-unit', []],
  ])('%s → depth first, without itself', (unitId, expected) => {
    expect(ids(descendantsOf(unitId, tree))).toEqual(expected)
  })
})

describe('isWithin', () => {
  it.each([
    ['a commune staff post is within its province', 'duc-hop-tp-ht', 'hung-yen', true],
    ['a unit is within itself', 'kien-giang', 'kien-giang', true],
    ['a province is not within its department', 'kien-giang', 'kg-so-noi-vu', false],
    ['a Kiên Giang ward is not within Lào Cai', 'vinh-thanh-van', 'lao-cai', false],
    ['an old province is not within the merged one (successor is not parent)', 'kien-giang', 'an-giang-2025', false],
    ['an unknown unit is within nothing', 'no-such-unit', 'no-such-unit', false],
  ])('%s', (_case, unitId, ancestorId, expected) => {
    expect(isWithin(unitId, ancestorId, tree)).toBe(expected)
  })
})

describe('isActiveOn / unitsActiveOn', () => {
  const kienGiang = tree.byId.get('kien-giang') as Unit
  const anGiang2025 = tree.byId.get('an-giang-2025') as Unit

  it.each([
    ['Kiên Giang on the day of its 2018 plan', kienGiang, '2018-05-18', true],
    ['Kiên Giang on its last day', kienGiang, '2025-06-30', true],
    ['Kiên Giang on the day of the merger', kienGiang, '2025-07-01', false],
    ['merged An Giang before it existed', anGiang2025, '2025-06-30', false],
    ['merged An Giang from its first day', anGiang2025, '2025-07-01', true],
  ])('%s → %s', (_case, unit, date, expected) => {
    expect(isActiveOn(unit, date)).toBe(expected)
  })

  it('keeps 63-province names before the merger and only the merged units after it', () => {
    const provincesOn = (date: string) =>
      unitsActiveOn(tree, date)
        .filter((u) => u.level === 'province' && u.kind === 'people-committee')
        .map((u) => u.id)
    expect(provincesOn('2020-06-11')).toEqual(['kien-giang', 'an-giang', 'lao-cai', 'yen-bai', 'thua-thien-hue', 'hung-yen', 'thai-binh'])
    expect(provincesOn('2025-07-01')).toEqual(['an-giang-2025', 'lao-cai-2025', 'hue', 'hung-yen-2025'])
  })

  it('has no district on or after 1 July 2025', () => {
    expect(unitsActiveOn(tree, '2025-07-01').filter((u) => u.level === 'district')).toEqual([])
  })
})

describe('successorsOn', () => {
  it.each([
    ['Kiên Giang before the merger is itself', 'kien-giang', '2018-05-18', ['kien-giang']],
    ['Kiên Giang after the merger is An Giang', 'kien-giang', '2025-07-01', ['an-giang-2025']],
    ['Yên Bái after the merger is Lào Cai', 'yen-bai', '2025-07-01', ['lao-cai-2025']],
    ['Thừa Thiên Huế in 2025 is Thành phố Huế', 'thua-thien-hue', '2025-03-01', ['hue']],
    ['Sở TT&TT Lào Cai in April 2025 is Sở KH&CN Lào Cai', 'lc-so-tttt', '2025-04-01', ['lc-so-khcn']],
    ['Sở TT&TT Lào Cai after July 2025 is the merged Sở KH&CN (two hops)', 'lc-so-tttt', '2025-07-01', ['lc2025-so-khcn']],
    ['an abolished district with no successor maps to nothing', 'kim-dong', '2025-07-01', []],
    ['a merged province has no successor before it existed', 'an-giang-2025', '2020-01-01', []],
    ['an unknown unit maps to nothing', 'no-such-unit', '2025-07-01', []],
  ])('%s', (_case, unitId, date, expected) => {
    expect(ids(successorsOn(unitId, tree, date))).toEqual(expected)
  })

  it('stops on a successor cycle instead of looping', () => {
    const cyclic = buildUnitTree([
      {
        id: 'a',
        code: 'A',
        name: 'A',
        level: 'commune',
        kind: 'people-committee',
        parentId: null,
        validTo: '2020-01-01',
        successorIds: ['b'],
      },
      {
        id: 'b',
        code: 'B',
        name: 'B',
        level: 'commune',
        kind: 'people-committee',
        parentId: null,
        validTo: '2020-01-01',
        successorIds: ['a'],
      },
    ])
    expect(successorsOn('a', cyclic, '2024-01-01')).toEqual([])
  })
})

describe('predecessorsOf', () => {
  it.each([
    ['merged An Giang took over An Giang and Kiên Giang', 'an-giang-2025', ['kien-giang', 'an-giang']],
    ['merged Lào Cai took over Lào Cai and Yên Bái', 'lao-cai-2025', ['lao-cai', 'yen-bai']],
    ['Thành phố Huế took over Thừa Thiên Huế', 'hue', ['thua-thien-hue']],
    ['merged Sở KH&CN reaches back to Sở TT&TT (transitive, nearest first)', 'lc2025-so-khcn', ['lc-so-khcn', 'lc-so-tttt']],
    ['a unit that took over nothing', 'kien-giang', []],
  ])('%s', (_case, unitId, expected) => {
    expect(ids(predecessorsOf(unitId, tree))).toEqual(expected)
  })
})

describe('lastDayBefore', () => {
  it.each([
    ['the 1 July 2025 mergers end on 30 June', '2025-07-01', '2025-06-30'],
    ['a merger on New Year’s Day ends the year before', '2025-01-01', '2024-12-31'],
    ['a merger on 1 March of a leap year ends on the leap day', '2024-03-01', '2024-02-29'],
  ])('%s', (_case, effectiveOn, expected) => {
    expect(lastDayBefore(effectiveOn)).toBe(expected)
  })

  it('a unit merged from a day is no longer in force that day', () => {
    const kienGiang = tree.byId.get('kien-giang') as Unit
    expect(kienGiang.validTo).toBe(lastDayBefore('2025-07-01'))
    expect(isActiveOn(kienGiang, '2025-07-01')).toBe(false)
  })

  it('throws a RangeError on a date it cannot read', () => {
    expect(() => lastDayBefore('01/07/2025')).toThrow(RangeError)
  })
})

describe('organisationOn', () => {
  // Cầu Mây moved under the new Lào Cai on 1 July 2025, renamed: before it, it was under Sa Pa.
  const versions = new Map([
    [
      'cau-may',
      [
        {
          validTo: '2025-06-30',
          name: 'UBND phường Cầu Mây',
          parentId: 'sa-pa',
          level: 'commune' as const,
          kind: 'people-committee' as const,
        },
        {
          validFrom: '2025-07-01',
          name: 'UBND phường Cầu Mây (mới)',
          parentId: 'lao-cai-2025',
          level: 'commune' as const,
          kind: 'people-committee' as const,
        },
      ],
    ],
  ])
  const moved = UNITS.map((u) =>
    u.id === 'cau-may' ? { ...u, name: 'UBND phường Cầu Mây (mới)', parentId: 'lao-cai-2025', validTo: undefined } : u,
  )

  it('gives the units in force that day under the parent and name they had then', () => {
    const in2020 = organisationOn(moved, versions, '2020-09-30')
    expect(in2020.find((u) => u.id === 'cau-may')).toMatchObject({ name: 'UBND phường Cầu Mây', parentId: 'sa-pa' })
    expect(in2020.some((u) => u.id === 'an-giang-2025' || u.id === 'hue')).toBe(false)
    expect(in2020.some((u) => u.id === 'kien-giang')).toBe(true)
  })

  it('leaves out what ended before the day', () => {
    const in2025 = organisationOn(moved, versions, '2025-07-01')
    expect(in2025.find((u) => u.id === 'cau-may')).toMatchObject({ name: 'UBND phường Cầu Mây (mới)', parentId: 'lao-cai-2025' })
    expect(in2025.some((u) => u.id === 'kien-giang')).toBe(false)
    expect(in2025.map((u) => u.id)).toContain('an-giang-2025')
  })
})
