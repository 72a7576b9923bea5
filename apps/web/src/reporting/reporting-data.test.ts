import { describe, expect, it } from 'vitest'
import type { PeriodDto } from '../api/types'
import { periodChoices } from './reporting-data'

const period = (planId: string, code: string, dueOn: string): PeriodDto => ({
  id: `${planId}-${code}`,
  planId,
  code,
  label: code,
  cutoffStart: '2017-12-15',
  cutoffEnd: dueOn,
  dueOn,
  locked: false,
  graceDays: 0,
  version: 1,
  deadlines: { national: dueOn, province: dueOn, district: dueOn, commune: dueOn },
})

// Kiên Giang 97/KH-UBND (province) and a commune plan that reports the same 6 months earlier.
const periods = [
  period('kg', '2018S1', '2018-06-18'),
  period('kg', '2018Q3', '2018-09-18'),
  period('kg', '2018', '2018-12-18'),
  period('xa', '2018S1', '2018-06-03'),
]

// The rule (which period opens by default) is the domain's periodChoices, tested there; this
// adapter only reads each opened period's code and deadline (dueOn) into it.
describe('periodChoices', () => {
  it('offers the opened periods by code, once each, newest deadline first', () => {
    expect(periodChoices(periods, '2018-06-10').codes).toEqual(['2018', '2018Q3', '2018S1'])
  })

  it('opens the period whose dueOn has not passed', () => {
    expect(periodChoices(periods, '2018-06-19').current).toBe('2018Q3')
  })

  it('has no current period without periods', () => {
    expect(periodChoices([], '2018-06-10')).toEqual({ codes: [] })
  })
})
