// Internal: how the exports put domain values into words. Labels come from the domain
// (`enumLabel`, `formatDate`, `formatPercent`; targets through `formatTarget`); this only strings
// them together.
import { enumLabel, formatDate, formatPercent, type Locale, type Timeframe } from '@papi/domain'

/**
 * A timeframe in words: the plan's own text with the dates it was read as. English readers get
 * the kind of timeframe in English and the plan's words in quotes.
 *
 * @example
 * timeframeWords({ kind: 'window', text: 'Quý II năm 2018', start: '2018-04-01', end: '2018-06-30' }, 'vi')
 * // 'Quý II năm 2018 (01/04/2018 – 30/06/2018)'
 */
export function timeframeWords(timeframe: Timeframe, locale: Locale): string {
  const dates = timeframeDates(timeframe, locale)
  if (locale === 'vi') return dates === '' ? timeframe.text : `${timeframe.text} (${dates})`
  const kind =
    timeframe.kind === 'recurring' && timeframe.every !== undefined
      ? enumLabel('recurrence', timeframe.every, locale)
      : enumLabel('timeframeKind', timeframe.kind, locale)
  const quoted = timeframe.text === '' ? '' : ` ("${timeframe.text}")`
  return `${kind}${dates === '' ? '' : ` ${dates}`}${quoted}`
}

function timeframeDates(timeframe: Timeframe, locale: Locale): string {
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

/** A percentage to one decimal at most ("62,5%", "100%"); a dash when there is nothing to show. */
export function percentWords(percent: number | null, locale: Locale): string {
  return percent === null ? '—' : formatPercent(roundPercent(percent), locale)
}

/** Rounds a percentage to one decimal: enough for a report, and 33,3333…% reads as noise. */
export function roundPercent(percent: number): number {
  return Math.round(percent * 10) / 10
}
