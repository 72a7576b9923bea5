import { describe, expect, it } from 'vitest'
import { FRAMEWORKS, type Framework, FrameworkSchema, frameworkById, frameworkFor } from './framework'
import type { IndexKind } from './index-kind'

const PAPI_2018_KEYS = [
  'participation',
  'transparency',
  'vertical-accountability',
  'corruption-control',
  'administrative-procedures',
  'public-service-delivery',
  'environmental-governance',
  'e-governance',
]
const PAR_KEYS = [
  'direction',
  'legal-documents',
  'administrative-procedures',
  'apparatus',
  'civil-service',
  'public-finance',
  'e-government',
  'impact',
]

const subDimensionCount = (f: Framework) => f.dimensions.reduce((n, d) => n + d.subDimensions.length, 0)
const byId = (id: string): Framework => {
  const framework = frameworkById(id)
  if (!framework) throw new Error(`no framework ${id}`)
  return framework
}

describe('FRAMEWORKS data', () => {
  it.each(FRAMEWORKS.map((f) => [f.id, f] as const))('%s passes FrameworkSchema', (_id, framework) => {
    expect(FrameworkSchema.safeParse(framework).success).toBe(true)
  })

  it('has unique ids', () => {
    const ids = FRAMEWORKS.map((f) => f.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it.each([
    // id, dimensions, maxTotal, resultUnit, sub-dimensions (PAPI site: 22; 28 in 2018, 29 in 2019–2020, 28 from 2021)
    ['papi-2009', 6, 60, 'points', 22],
    ['papi-2018', 8, 80, 'points', 28],
    ['papi-2019', 8, 80, 'points', 29],
    ['papi-2021', 8, 80, 'points', 28],
    ['par-index-2017', 8, 100, 'percent', 0],
    ['par-index-2020', 8, 100, 'percent', 0],
    ['par-index-2022', 8, 100, 'percent', 0],
    ['sipas-2017', 5, 100, 'percent', 0],
  ] as const)('%s has %i dimensions, total %i %s, %i sub-dimensions', (id, dimensions, maxTotal, unit, subs) => {
    const f = byId(id)
    expect(f.dimensions).toHaveLength(dimensions)
    expect(f.maxTotal).toBe(maxTotal)
    expect(f.resultUnit).toBe(unit)
    expect(subDimensionCount(f)).toBe(subs)
  })

  it.each(FRAMEWORKS.filter((f) => f.aggregation === 'sum').map((f) => [f.id, f] as const))(
    '%s: dimension maxes add up to the total',
    (_id, f) => {
      expect(f.dimensions.reduce((n, d) => n + d.max, 0)).toBeCloseTo(f.maxTotal, 9)
    },
  )

  it.each(FRAMEWORKS.filter((f) => f.index === 'papi').map((f) => [f.id, f] as const))(
    '%s: every dimension is worth 10 and its sub-dimensions share the 10 equally',
    (_id, f) => {
      for (const d of f.dimensions) {
        expect(d.max).toBe(10)
        expect(d.subDimensions.reduce((n, s) => n + (s.max ?? 0), 0)).toBeCloseTo(10, 9)
      }
    },
  )

  it.each(FRAMEWORKS.map((f) => [f.id, f] as const))('%s: dimension and sub-dimension keys are unique', (_id, f) => {
    const keys = f.dimensions.map((d) => d.key)
    expect(new Set(keys).size).toBe(keys.length)
    const subKeys = f.dimensions.flatMap((d) => d.subDimensions.map((s) => `${d.key}/${s.key}`))
    expect(new Set(subKeys).size).toBe(subKeys.length)
  })

  it.each([
    ['papi-2009', PAPI_2018_KEYS.slice(0, 6)],
    ['papi-2018', PAPI_2018_KEYS],
    ['papi-2019', PAPI_2018_KEYS],
    ['papi-2021', PAPI_2018_KEYS],
    ['par-index-2017', PAR_KEYS],
    ['par-index-2020', PAR_KEYS],
    ['par-index-2022', PAR_KEYS],
  ])('%s keeps the stable dimension keys, in order', (id, keys) => {
    expect(byId(id).dimensions.map((d) => d.key)).toEqual(keys)
    expect(byId(id).dimensions.map((d) => d.order)).toEqual(keys.map((_, i) => i + 1))
  })

  it('splits PAR INDEX areas into appraisal and survey groups', () => {
    const groups = byId('par-index-2020').dimensions.map((d) => d.group)
    expect(groups.filter((g) => g === 'appraisal')).toHaveLength(7)
    expect(byId('par-index-2020').dimensions.find((d) => d.key === 'impact')?.group).toBe('survey')
  })

  it('averages the five SIPAS factors, each a percentage', () => {
    const sipas = byId('sipas-2017')
    expect(sipas.aggregation).toBe('mean')
    expect(sipas.dimensions.every((d) => d.max === 100)).toBe(true)
  })

  it.each(['papi', 'par-index', 'sipas'] as const)('%s versions never overlap in time', (index) => {
    const versions = FRAMEWORKS.filter((f) => f.index === index).sort((a, b) => a.validFrom - b.validFrom)
    versions.slice(1).forEach((v, i) => {
      const before = versions[i]
      expect(before?.validTo).toBeDefined()
      expect(v.validFrom).toBe((before?.validTo ?? Number.NaN) + 1)
    })
  })
})

describe('framework names follow the seed plans', () => {
  // Kiên Giang 97/KH-UBND (2018) and Thừa Thiên Huế 2024 quote the dimensions by these names.
  it.each([
    ['papi-2009', 'participation', 'Tham gia của người dân ở cấp cơ sở'],
    ['papi-2009', 'transparency', 'Công khai, minh bạch'],
    ['papi-2009', 'vertical-accountability', 'Trách nhiệm giải trình với người dân'],
    ['papi-2009', 'corruption-control', 'Kiểm soát tham nhũng trong khu vực công'],
    ['papi-2009', 'administrative-procedures', 'Thủ tục hành chính công'],
    ['papi-2009', 'public-service-delivery', 'Cung ứng dịch vụ công'],
    ['papi-2021', 'environmental-governance', 'Quản trị môi trường'],
    ['papi-2021', 'e-governance', 'Quản trị điện tử'],
    // Lào Cai 165/KH-UBND (2020), describing the 2019 PAR INDEX areas.
    ['par-index-2017', 'administrative-procedures', 'Cải cách thủ tục hành chính'],
    ['par-index-2017', 'public-finance', 'Cải cách tài chính công'],
    ['par-index-2017', 'e-government', 'Hiện đại hóa hành chính'],
  ])('%s %s is "%s"', (id, key, vi) => {
    expect(byId(id).dimensions.find((d) => d.key === key)?.name.vi).toBe(vi)
  })
})

describe('frameworkFor', () => {
  it.each<[IndexKind, number, string | undefined]>([
    ['papi', 2008, undefined],
    ['papi', 2009, 'papi-2009'],
    ['papi', 2017, 'papi-2009'], // Kiên Giang 35.71/60
    ['papi', 2018, 'papi-2018'],
    ['papi', 2019, 'papi-2019'],
    ['papi', 2020, 'papi-2019'],
    ['papi', 2021, 'papi-2021'],
    ['papi', 2023, 'papi-2021'], // Thừa Thiên Huế 46.0415/80
    ['par-index', 2016, undefined], // Decision 1294/QĐ-BNV years are not modelled
    ['par-index', 2019, 'par-index-2017'], // Lào Cai 82.85
    ['par-index', 2020, 'par-index-2020'], // Decision 1149/QĐ-BNV
    ['par-index', 2021, 'par-index-2020'],
    ['par-index', 2022, 'par-index-2022'], // Decision 876/QĐ-BNV, 2022–2030
    ['par-index', 2030, 'par-index-2022'],
    ['par-index', 2031, undefined],
    ['sipas', 2016, undefined],
    ['sipas', 2017, 'sipas-2017'],
    ['sipas', 2024, 'sipas-2017'],
  ])('(%s, %i) → %s', (index, year, id) => {
    expect(frameworkFor(index, year)?.id).toBe(id)
  })
})

describe('frameworkById', () => {
  it('finds a version by id', () => expect(frameworkById('par-index-2022')?.legalBasis).toContain('876/QĐ-BNV'))
  it('answers undefined for an unknown id', () => expect(frameworkById('papi-1999')).toBeUndefined())
})

describe('FrameworkSchema', () => {
  const valid = byId('papi-2018')
  const [first, second] = valid.dimensions
  if (!first || !second) throw new Error('papi-2018 has dimensions')

  it.each<[string, Framework]>([
    ['dimension maxes that miss the total', { ...valid, maxTotal: 60 }],
    ['a duplicate dimension key', { ...valid, dimensions: [...valid.dimensions.slice(1), { ...second, order: 9 }] }],
    ['a duplicate order', { ...valid, dimensions: valid.dimensions.map((d) => ({ ...d, order: 1 })) }],
    [
      'sub-dimension maxes that miss their dimension',
      { ...valid, dimensions: [{ ...first, max: 12 }, ...valid.dimensions.slice(1)], maxTotal: 82 },
    ],
    ['validTo before validFrom', { ...valid, validFrom: 2018, validTo: 2017 }],
    ['a key that is not kebab-case', { ...valid, id: 'PAPI 2018' }],
  ])('rejects %s', (_what, framework) => {
    expect(FrameworkSchema.safeParse(framework).success).toBe(false)
  })
})
