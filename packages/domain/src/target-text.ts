import { COMPARATOR_SYMBOLS, enumLabel } from './enum-labels'
import { formatNumber, formatPercent } from './format'
import { DEFAULT_LOCALE, type Locale } from './label'
import type { Target } from './target'
import type { TargetObservation } from './target-evaluation'

/**
 * A target in words: as the plan wrote it ("đạt tổng số điểm từ 90 trở lên"), else from its
 * parts — metric, comparator symbol, value in the target's unit, and the baseline year a change
 * is measured against. Numbers follow the locale ("46,0415 điểm").
 *
 * @example
 * formatTarget({ metric: 'Xếp hạng PAPI', comparator: 'rank-lte', value: 44, unit: 'rank' }) // 'Xếp hạng PAPI ≤ 44'
 * formatTarget({ metric: 'Hồ sơ đúng hạn', comparator: 'between', value: 95, valueMax: 100, unit: 'percent' }) // 'Hồ sơ đúng hạn 95% – 100%'
 * formatTarget({ metric: 'Biên chế', comparator: 'change-vs-baseline', value: -10, unit: 'percent', baselineYear: 2015 }, 'en')
 * // 'Biên chế Δ -10% vs 2015'
 */
export function formatTarget(target: Target, locale: Locale = DEFAULT_LOCALE): string {
  if (target.text !== undefined && target.text.trim() !== '') return target.text
  const value =
    target.comparator === 'between' && target.valueMax !== undefined
      ? `${measure(target.value, target, locale)} – ${measure(target.valueMax, target, locale)}`
      : measure(target.value, target, locale)
  const symbol = target.comparator === 'between' ? '' : `${COMPARATOR_SYMBOLS[target.comparator]} `
  const baseline =
    target.baselineYear === undefined ? '' : locale === 'vi' ? ` so với năm ${target.baselineYear}` : ` vs ${target.baselineYear}`
  return `${target.metric} ${symbol}${value}${baseline}`
}

/**
 * What was measured for a target, in the target's unit ("82,85 điểm", "95%", "hạng 12"); empty
 * when nothing was.
 *
 * @example
 * formatObservation({ value: 82.85 }, { metric: 'Tổng điểm', comparator: 'gte', value: 90, unit: 'points' }) // '82,85 điểm'
 * formatObservation({ rank: 12 }, { metric: 'Xếp hạng', comparator: 'rank-lte', value: 10, unit: 'rank' }, 'en') // 'rank 12'
 */
export function formatObservation(observation: TargetObservation | undefined, target: Target, locale: Locale = DEFAULT_LOCALE): string {
  if (observation === undefined) return ''
  if (target.unit === 'rank' || (observation.value === undefined && observation.rank !== undefined)) {
    const rank = observation.rank ?? observation.value
    if (rank === undefined) return ''
    return `${locale === 'vi' ? 'hạng' : 'rank'} ${formatNumber(rank, locale)}`
  }
  return observation.value === undefined ? '' : measure(observation.value, target, locale)
}

/** A value in the target's unit: percent with its sign, a rank bare, anything else with its unit's name. */
function measure(value: number, target: Target, locale: Locale): string {
  switch (target.unit) {
    case 'percent':
      return formatPercent(value, locale)
    case 'rank':
      return formatNumber(value, locale)
    default:
      return `${formatNumber(value, locale)} ${enumLabel('measureUnit', target.unit, locale).toLocaleLowerCase(locale)}`
  }
}
