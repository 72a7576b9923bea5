import { enumLabel } from './enum-labels'
import { formatDate } from './format'
import { DEFAULT_LOCALE, type Locale } from './label'
import type { Timeframe } from './timeframe'

/**
 * A timeframe in words: the plan's own text with the dates it was read as. English readers get
 * the kind of timeframe in English and the plan's words in quotes.
 *
 * @example
 * formatTimeframe({ kind: 'window', text: 'Quý II năm 2018', start: '2018-04-01', end: '2018-06-30' })
 * // 'Quý II năm 2018 (01/04/2018 – 30/06/2018)'
 * formatTimeframe({ kind: 'recurring', text: 'Định kỳ hằng quý', every: 'quarter' }, 'en') // 'Quarterly ("Định kỳ hằng quý")'
 */
export function formatTimeframe(timeframe: Timeframe, locale: Locale = DEFAULT_LOCALE): string {
  const dates = timeframeDates(timeframe, locale)
  if (locale === 'vi') return dates === '' ? timeframe.text : `${timeframe.text} (${dates})`
  const quoted = timeframe.text === '' ? '' : ` ("${timeframe.text}")`
  return `${timeframeKind(timeframe, locale)}${dates === '' ? '' : ` ${dates}`}${quoted}`
}

/**
 * What a timeframe was read as, in words: how often for a recurring one, else its kind.
 *
 * @example
 * timeframeKind({ kind: 'recurring', text: 'Hàng năm', every: 'year' }) // 'Hằng năm'
 * timeframeKind({ kind: 'ongoing', text: 'Thường xuyên' }, 'en') // 'Ongoing'
 */
export function timeframeKind(timeframe: Timeframe, locale: Locale = DEFAULT_LOCALE): string {
  return timeframe.kind === 'recurring' && timeframe.every !== undefined
    ? enumLabel('recurrence', timeframe.every, locale)
    : enumLabel('timeframeKind', timeframe.kind, locale)
}

/**
 * The dates a timeframe was read as, in words; empty when it pins none down.
 *
 * @example
 * timeframeDates({ kind: 'window', text: 'trước ngày 15/6/2018', end: '2018-06-15' }) // 'đến 15/06/2018'
 * timeframeDates({ kind: 'milestones', text: '2012, 2015', dates: ['2012-12-31', '2015-12-31'] }) // '31/12/2012; 31/12/2015'
 */
export function timeframeDates(timeframe: Timeframe, locale: Locale = DEFAULT_LOCALE): string {
  const date = (iso: string) => formatDate(iso, locale)
  const parts: string[] = []
  if (timeframe.start !== undefined && timeframe.end !== undefined) {
    parts.push(timeframe.start === timeframe.end ? date(timeframe.end) : `${date(timeframe.start)} – ${date(timeframe.end)}`)
  } else if (timeframe.end !== undefined) {
    parts.push(`${locale === 'vi' ? 'đến' : 'until'} ${date(timeframe.end)}`)
  } else if (timeframe.start !== undefined) {
    parts.push(`${locale === 'vi' ? 'từ' : 'from'} ${date(timeframe.start)}`)
  }
  if (timeframe.dates !== undefined && timeframe.dates.length > 0) parts.push(timeframe.dates.map(date).join('; '))
  return parts.join('; ')
}
