import { frameworkById } from '@papi/domain'
import { describe, expect, it } from 'vitest'
import { parseCsv, readScoreCsv, writeScoreCsv } from './score-csv'

const papi2009 = frameworkById('papi-2009')!
const papi2018 = frameworkById('papi-2018')!
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes and CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ])
  })
  it('reads the semicolons Excel writes under a Vietnamese locale', () => {
    expect(parseCsv('unit;total\nKG;35,71')).toEqual([
      ['unit', 'total'],
      ['KG', '35,71'],
    ])
  })
})

describe('readScoreCsv', () => {
  const keys = papi2009.dimensions.map((d) => d.key)

  it('reads Kiên Giang PAPI 2017 as published (97/KH-UBND, part II)', () => {
    const csv = [`unit;total;rank;rankOf;${keys[0]};${keys[0]}.rank`, 'KG;35,71;45;63;5,20;45'].join('\n')
    const { rows, issues } = readScoreCsv(csv, papi2009, 2017)
    expect(issues).toEqual([])
    expect(rows[0]).toMatchObject({
      unit: 'KG',
      result: {
        frameworkId: 'papi-2009',
        year: 2017,
        total: 35.71,
        rank: 45,
        rankOf: 63,
        dimensions: [{ key: keys[0], score: 5.2, rank: 45 }],
      },
    })
  })

  it('names unknown columns against the framework', () => {
    const { issues } = readScoreCsv('unit,total,e-governance\nKG,35.71,1', papi2009, 2017)
    expect(issues[0]).toMatchObject({ line: 1, column: 'e-governance' })
  })

  it('flags unreadable numbers with their line', () => {
    const { issues } = readScoreCsv('unit,total,rank\nKG,khoảng 35,45.5', papi2009, 2017)
    expect(issues.map((i) => [i.line, i.column])).toEqual([
      [2, 'total'],
      [2, 'rank'],
    ])
  })

  it('leaves out a dimension whose cells are both empty on a row', () => {
    const { rows, issues } = readScoreCsv(`unit,total,${keys[0]},${keys[0]}.rank\nKG,35.71,,\nAG,36.1,6.02,`, papi2009, 2017)
    expect(issues).toEqual([])
    expect(rows.map((r) => r.result.dimensions)).toEqual([[], [{ key: keys[0], score: 6.02 }]])
  })
})

describe('writeScoreCsv', () => {
  const units = [
    { id: 'u-kg', code: 'KG' },
    { id: 'u-ag', code: 'AG' },
  ]
  // Thừa Thiên Huế 2023 (46.0415) is the precision published totals come with.
  const dims = papi2018.dimensions.map((d, i) => ({ key: d.key, score: 5 + i / 8 + 0.0415, rank: i + 1 }))
  const results = [
    { unitId: 'u-kg', frameworkId: 'papi-2018', year: 2018, total: 46.0415, rank: 3, rankOf: 63, dimensions: dims },
    // A unit known by id only, a rank without a total's rank, dimensions left out.
    { unitId: 'u-x', frameworkId: 'papi-2018', year: 2018, total: 40.5, rankOf: 63, dimensions: [{ key: dims[0]!.key, rank: 12 }] },
  ]

  it('writes the header the importer reads, machine decimals, CRLF and a byte-order mark', () => {
    const text = decode(writeScoreCsv(results, papi2018, units))
    const [header, first, second] = text.split('\r\n')
    expect(header).toBe(`\ufeffunit,total,rank,rankOf,${papi2018.dimensions.flatMap((d) => [d.key, `${d.key}.rank`]).join(',')}`)
    expect(first?.startsWith('KG,46.0415,3,63,5.0415,1,')).toBe(true)
    expect(second).toBe(`u-x,40.5,,63,,12${','.repeat(2 * papi2018.dimensions.length - 2)}`)
    expect(text.endsWith('\r\n')).toBe(true)
  })

  it('reads back as the same results (import → export → import)', () => {
    const { rows, issues } = readScoreCsv(decode(writeScoreCsv(results, papi2018, units)), papi2018, 2018)
    expect(issues).toEqual([])
    expect(rows.map((r) => r.unit)).toEqual(['KG', 'u-x'])
    expect(rows.map((r) => r.result)).toEqual(results.map(({ unitId: _, ...r }) => r))
  })

  it('writes PAR INDEX appraisal and survey points only when a result gives them', () => {
    const par = frameworkById('par-index-2022') ?? frameworkById('par-index-2020')!
    const withSplit = [
      { unitId: 'u-kg', frameworkId: par.id, year: 2023, total: 85.2, appraisalScore: 55.1, surveyScore: 30.1, dimensions: [] },
    ]
    expect(decode(writeScoreCsv(withSplit, par, units)).split('\r\n')[0]).toBe('\ufeffunit,total,rank,rankOf,appraisalScore,surveyScore')
    expect(decode(writeScoreCsv([], papi2018, units))).toBe('\ufeffunit,total,rank,rankOf\r\n')
  })

  it('quotes a unit code with a comma', () => {
    const text = decode(writeScoreCsv([{ ...results[1]!, unitId: 'u-odd' }], papi2018, [{ id: 'u-odd', code: 'A,"B"' }]))
    expect(parseCsv(text)[1]?.[0]).toBe('A,"B"')
  })
})

describe('score tables and the one CSV writer', () => {
  it('a file with an unclosed quote is one issue, not a crash', () => {
    const { rows, issues } = readScoreCsv('unit,total\nKG,"35.71\n', papi2009, 2017)
    expect(rows).toEqual([])
    expect(issues).toEqual([expect.objectContaining({ message: expect.stringMatching(/^not a CSV table/) })])
  })
})

describe('years not ranked in a score table', () => {
  const papi2021 = frameworkById('papi-2021')!
  const units = [
    { id: 'u-hue', code: 'P46' },
    { id: 'u-bg', code: 'P24' },
  ]
  const hue = { unitId: 'u-hue', frameworkId: 'papi-2021', year: 2022, total: 45.3845, rank: 5, rankOf: 61, dimensions: [] }
  // PAPI 2022: Bắc Giang listed, not assessed; the table keeps 2 of its dimensions.
  const bacGiang = {
    unitId: 'u-bg',
    frameworkId: 'papi-2021',
    year: 2022,
    dimensions: [
      { key: 'transparency', score: 4.3967 },
      { key: 'administrative-procedures', score: 8.085 },
    ],
    note: 'not assessed in 2022',
  }

  it('writes them after the results, with no total and notRanked = true, and reads them back apart', () => {
    const text = decode(writeScoreCsv([hue], papi2021, units, [bacGiang]))
    expect(parseCsv(text)).toEqual([
      ['unit', 'total', 'rank', 'rankOf', 'transparency', 'administrative-procedures', 'notRanked', 'note'],
      ['P46', '45.3845', '5', '61', '', '', '', ''],
      ['P24', '', '', '', '4.3967', '8.085', 'true', 'not assessed in 2022'],
    ])
    const read = readScoreCsv(text, papi2021, 2022)
    expect(read.issues).toEqual([])
    expect(read.rows.map((r) => [r.unit, r.result.total])).toEqual([['P46', 45.3845]])
    const { unitId: _, ...year } = bacGiang
    expect(read.notRanked).toEqual([{ line: 3, unit: 'P24', year }])
  })

  it.each([
    ['a total', 'P24,40,,,true', 'total'],
    ['a rank', 'P24,,3,61,true', 'rank'],
    ['a flag that is not one', 'P24,,,,maybe', 'notRanked'],
    ['no total and no flag', 'P24,,,,', 'total'],
  ])('refuses a not-ranked row with %s', (_, row, column) => {
    const { issues } = readScoreCsv(`unit,total,rank,rankOf,notRanked\n${row}`, papi2021, 2022)
    expect(issues.map((i) => i.column)).toContain(column)
  })
})
