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
  deadlines: { national: dueOn, province: dueOn, district: dueOn, commune: dueOn },
})

// Kiên Giang 97/KH-UBND (province) and a commune plan that reports the same 6 months earlier.
const periods = [
  period('kg', '2018S1', '2018-06-18'),
  period('kg', '2018Q3', '2018-09-18'),
  period('kg', '2018', '2018-12-18'),
  period('xa', '2018S1', '2018-06-03'),
]

describe('periodChoices', () => {
  it('lists each period once, newest deadline first', () => {
    expect(periodChoices(periods, '2018-06-10').codes).toEqual(['2018', '2018Q3', '2018S1'])
  })

  it.each([
    ['2018-06-01', '2018S1'],
    ['2018-06-04', '2018S1'], // past the commune plan's deadline, the province still collects it
    ['2018-06-19', '2018Q3'],
    ['2018-12-18', '2018'],
    ['2025-07-01', '2018'],
  ])('on %s opens %s', (today, current) => {
    expect(periodChoices(periods, today).current).toBe(current)
  })

  it('has no current period without periods', () => {
    expect(periodChoices([], '2018-06-10')).toEqual({ codes: [] })
  })
})
