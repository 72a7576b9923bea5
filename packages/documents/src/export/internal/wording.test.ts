import { describe, expect, it } from 'vitest'
import { percentWords, timeframeWords } from './wording'

describe('timeframeWords', () => {
  it.each([
    [{ kind: 'window', text: 'Quý II, III năm 2018', start: '2018-04-01', end: '2018-09-30' }, 'Quý II, III năm 2018 (01/04/2018 – 30/09/2018)'],
    [{ kind: 'window', text: 'trước ngày 15/6/2018', end: '2018-06-15' }, 'trước ngày 15/6/2018 (đến 15/06/2018)'],
    [{ kind: 'milestones', text: '2012, 2015', dates: ['2012-12-31', '2015-12-31'] }, '2012, 2015 (31/12/2012; 31/12/2015)'],
    [{ kind: 'ongoing', text: 'Thường xuyên' }, 'Thường xuyên'],
  ] as const)('writes the plan’s words with the dates they were read as: %s', (timeframe, words) => {
    expect(timeframeWords({ ...timeframe, dates: 'dates' in timeframe ? [...timeframe.dates] : undefined }, 'vi')).toBe(words)
  })

  it('writes the kind in English with the plan’s words quoted', () => {
    expect(timeframeWords({ kind: 'recurring', text: 'Định kỳ hằng quý', every: 'quarter' }, 'en')).toBe('Quarterly ("Định kỳ hằng quý")')
    expect(timeframeWords({ kind: 'ongoing', text: 'Thường xuyên' }, 'en')).toBe('Ongoing ("Thường xuyên")')
  })
})

describe('percentWords', () => {
  it('rounds to one decimal and writes the locale’s decimal mark', () => {
    expect(percentWords(33.3333, 'vi')).toBe('33,3%')
    expect(percentWords(100, 'vi')).toBe('100%')
    expect(percentWords(49.65, 'en')).toBe('49.7%')
    expect(percentWords(null, 'vi')).toBe('—')
  })
})
