// Internal: how the exports put domain values into words. Labels come from the domain
// (`enumLabel`, `formatDate`, `formatNumber`); this only strings them together.
import {
  COMPARATOR_SYMBOLS,
  enumLabel,
  formatDate,
  formatNumber,
  formatPercent,
  type Locale,
  type Target,
  type TargetObservation,
  type Timeframe,
} from '@papi/domain'

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

/**
 * A target in words: as the plan wrote it, else its metric, comparator and value.
 *
 * @example
 * targetWords({ metric: 'Xếp hạng PAPI', comparator: 'rank-lte', value: 44, unit: 'rank' }, 'vi') // 'Xếp hạng PAPI ≤ 44'
 */
export function targetWords(target: Target, locale: Locale): string {
  if (target.text !== undefined && target.text.trim() !== '') return target.text
  const value =
    target.comparator === 'between' && target.valueMax !== undefined
      ? `${measure(target.value, target, locale)} – ${measure(target.valueMax, target, locale)}`
      : measure(target.value, target, locale)
  const symbol = target.comparator === 'between' ? '' : `${COMPARATOR_SYMBOLS[target.comparator]} `
  const baseline = target.baselineYear === undefined ? '' : locale === 'vi' ? ` so với năm ${target.baselineYear}` : ` vs ${target.baselineYear}`
  return `${target.metric} ${symbol}${value}${baseline}`
}

/** What was measured for a target, in the target's unit ("82,85 điểm", "95%", "hạng 12"). */
export function observationWords(observation: TargetObservation | undefined, target: Target, locale: Locale): string {
  if (observation === undefined) return ''
  if (target.unit === 'rank' || (observation.value === undefined && observation.rank !== undefined)) {
    const rank = observation.rank ?? observation.value
    if (rank === undefined) return ''
    return locale === 'vi' ? `hạng ${formatNumber(rank, locale)}` : `rank ${formatNumber(rank, locale)}`
  }
  return observation.value === undefined ? '' : measure(observation.value, target, locale)
}

function measure(value: number, target: Target, locale: Locale): string {
  switch (target.unit) {
    case 'percent':
      return formatPercent(value, locale)
    case 'rank':
      return formatNumber(value, locale)
    default:
      return `${formatNumber(value, locale)} ${enumLabel('measureUnit', target.unit, locale).toLowerCase()}`
  }
}
