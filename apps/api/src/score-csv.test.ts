import { frameworkById } from '@papi/domain'
import { describe, expect, it } from 'vitest'
import { parseCsv, readScoreCsv } from './score-csv'

const papi2009 = frameworkById('papi-2009')!

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
      result: { frameworkId: 'papi-2009', year: 2017, total: 35.71, rank: 45, rankOf: 63, dimensions: [{ key: keys[0], score: 5.2, rank: 45 }] },
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
})
