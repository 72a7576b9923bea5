// Internal: a laid-out table (header row, typed cells) as CSV, through the one CSV writer
// (../../internal/csv.ts), which also defuses text Excel would run as a formula.
import type { Locale } from '@papi/domain'
import { writeCsvRows } from '../../internal/csv'
import { cellText } from './cell-text'
import type { TableSpec } from './layout'

/**
 * The table as CSV bytes (UTF-8 with BOM, CRLF, RFC 4180 quoting): a header row, then one line
 * per row. Text cells are guarded against formula injection; dates and numbers are written the
 * locale's way, as they are.
 */
export function writeCsv(table: TableSpec, locale: Locale): Uint8Array {
  return writeCsvRows([
    table.columns.map((c) => c.header),
    ...table.rows.map((row) =>
      table.columns.map((_, index) => {
        const cell = row.cells[index]
        const text = cellText(cell, locale, { percentSign: false })
        return typeof cell === 'string' ? text : { formatted: text }
      }),
    ),
  ])
}
