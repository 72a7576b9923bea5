// Internal: how the exports put domain values into words. Labels come from the domain
// (`enumLabel`, `formatDate`, `formatPercent`, `formatTimeframe`; targets through `formatTarget`);
// this only strings them together.
import { formatPercent, roundPercent, type Locale } from '@papi/domain'

/** A percentage to one decimal at most ("62,5%", "100%"); a dash when there is nothing to show. */
export function percentWords(percent: number | null, locale: Locale): string {
  return percent === null ? '—' : formatPercent(roundPercent(percent), locale)
}
