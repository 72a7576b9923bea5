import { describe, expect, it } from 'vitest'
import { EMPTY_SCORE_TABLE_VERSION, scoreTableVersion } from './score-table-version'

const kg = { unitId: 'kg', version: 1 }
const hn = { unitId: 'hn', version: 3 }
const bg = { unitId: 'bg', updatedAt: '2023-05-01T00:00:00.000Z' }

describe('scoreTableVersion', () => {
  it("is '0' for a year with nothing stored, as a record's version is 0 before its first write", () => {
    expect(scoreTableVersion({ results: [], notRanked: [] })).toBe(EMPTY_SCORE_TABLE_VERSION)
  })

  it('is the same for the same stored year, whatever order it was read in', () => {
    expect(scoreTableVersion({ results: [kg, hn], notRanked: [bg] })).toBe(scoreTableVersion({ results: [hn, kg], notRanked: [bg] }))
  })

  it.each([
    ['a result typed meanwhile (its version moved)', { results: [{ ...kg, version: 2 }, hn], notRanked: [bg] }],
    ['a result stored for another unit', { results: [kg, hn, { unitId: 'dn', version: 1 }], notRanked: [bg] }],
    ['a result removed', { results: [hn], notRanked: [bg] }],
    ['a not-ranked year changed', { results: [kg, hn], notRanked: [{ ...bg, updatedAt: '2023-05-02T00:00:00.000Z' }] }],
    ['a unit moved from ranked to not ranked', { results: [hn], notRanked: [bg, { unitId: 'kg', updatedAt: bg.updatedAt }] }],
  ])('changes with %s', (_, changed) => {
    const before = scoreTableVersion({ results: [kg, hn], notRanked: [bg] })
    expect(scoreTableVersion(changed)).not.toBe(before)
  })
})
