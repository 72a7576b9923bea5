// Internal: a typed cell in words, for the formats that carry text only (Word, CSV).
import { formatDate, formatNumber, roundPercent, type Locale } from '@papi/domain'
import type { Cell } from './layout'

/**
 * A cell as text: dates dd/mm/yyyy, numbers with the locale's decimal mark. `percentSign` adds
 * "%" (Word); CSV leaves it off so a spreadsheet reads the column as numbers.
 */
export function cellText(cell: Cell | undefined, locale: Locale, options: { percentSign: boolean }): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'string') return cell
  if ('date' in cell) return formatDate(cell.date, locale)
  if ('percent' in cell) {
    const text = formatNumber(roundPercent(cell.percent), locale, { grouping: false })
    return options.percentSign ? `${text}%` : text
  }
  return formatNumber(cell.count, locale, { grouping: false })
}
