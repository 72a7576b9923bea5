import { describe, expect, it } from 'vitest'
import { calendarDate } from './iso-date'

describe('calendarDate', () => {
  it.each([
    [2018, 5, 18, '2018-05-18'],
    [2024, 2, 29, '2024-02-29'],
    [2023, 2, 29, undefined],
    [2018, 4, 31, undefined],
    [2018, 13, 1, undefined],
    [2018, 0, 10, undefined],
  ])('%i-%i-%i is %s', (year, month, day, date) => {
    expect(calendarDate(year, month, day)).toBe(date)
  })
})
