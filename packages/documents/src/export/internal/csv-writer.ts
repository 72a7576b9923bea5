// Internal: RFC 4180 CSV, UTF-8 with a byte-order mark — without the BOM Excel reads the file in
// the machine's ANSI code page and Vietnamese comes out garbled.
import type { Locale } from '@papi/domain'
import { cellText } from './cell-text'
import type { TableSpec } from './layout'

const BOM = '\ufeff'
// A text cell Excel would run as a formula (CSV injection): unit officers type the narratives.
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * The table as CSV bytes: a header row, then one line per row, CRLF line ends, fields quoted when
 * they hold a comma, a quote or a line break, quotes doubled (RFC 4180).
 */
export function writeCsv(table: TableSpec, locale: Locale): Uint8Array {
  const lines = [
    table.columns.map((c) => quote(c.header)),
    ...table.rows.map((row) =>
      table.columns.map((_, index) => {
        const cell = row.cells[index]
        const text = cellText(cell, locale, { percentSign: false })
        return quote(typeof cell === 'string' && FORMULA_START.test(text) ? `'${text}` : text)
      }),
    ),
  ]
  return new TextEncoder().encode(BOM + lines.map((fields) => fields.join(',')).join('\r\n') + '\r\n')
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field
}
