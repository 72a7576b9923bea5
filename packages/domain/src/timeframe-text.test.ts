import { describe, expect, it } from 'vitest'
import type { Timeframe } from './timeframe'
import { formatTimeframe, timeframeDates, timeframeKind } from './timeframe-text'

describe('formatTimeframe', () => {
  it.each<[Timeframe, string]>([
    [
      { kind: 'window', text: 'Quý II, III năm 2018', start: '2018-04-01', end: '2018-09-30' },
      'Quý II, III năm 2018 (01/04/2018 – 30/09/2018)',
    ],
    [{ kind: 'window', text: 'trước ngày 15/6/2018', end: '2018-06-15' }, 'trước ngày 15/6/2018 (đến 15/06/2018)'],
    [{ kind: 'window', text: 'Tháng 6 năm 2018', start: '2018-06-01', end: '2018-06-30' }, 'Tháng 6 năm 2018 (01/06/2018 – 30/06/2018)'],
    [{ kind: 'milestones', text: '2012, 2015', dates: ['2012-12-31', '2015-12-31'] }, '2012, 2015 (31/12/2012; 31/12/2015)'],
    [{ kind: 'ongoing', text: 'Thường xuyên' }, 'Thường xuyên'],
  ])('writes the plan’s words with the dates they were read as: %s', (timeframe, words) => {
    expect(formatTimeframe(timeframe, 'vi')).toBe(words)
  })

  it('writes the kind in English with the plan’s words quoted', () => {
    expect(formatTimeframe({ kind: 'recurring', text: 'Định kỳ hằng quý', every: 'quarter' }, 'en')).toBe('Quarterly ("Định kỳ hằng quý")')
    expect(formatTimeframe({ kind: 'ongoing', text: 'Thường xuyên' }, 'en')).toBe('Ongoing ("Thường xuyên")')
    expect(formatTimeframe({ kind: 'window', text: 'trước ngày 15/6/2018', end: '2018-06-15' }, 'en')).toBe(
      'Time window until 15/06/2018 ("trước ngày 15/6/2018")',
    )
  })
})

describe('timeframeKind', () => {
  it('says how often for a recurring timeframe, else its kind', () => {
    expect(timeframeKind({ kind: 'recurring', text: 'Định kỳ hằng quý', every: 'quarter' }, 'en')).toBe('Quarterly')
    expect(timeframeKind({ kind: 'ongoing', text: 'Thường xuyên' }, 'en')).toBe('Ongoing')
  })
})

describe('timeframeDates', () => {
  it('is empty when the timeframe pins no date down', () => {
    expect(timeframeDates({ kind: 'event', text: 'Trước và trong quá trình bầu cử' })).toBe('')
  })
})
