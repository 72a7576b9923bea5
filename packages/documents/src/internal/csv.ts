// Internal: the one CSV reader and writer of @papi/documents (csv-parse / csv-stringify), for plan
// tables, task tables, reports and score tables alike — and the one guard against formula injection.

import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'

/**
 * A field to write: text (people type task titles, narratives, unit names — defused when Excel
 * would run it as a formula), a number (written as a machine decimal, never in exponent form),
 * text this program formatted from a typed value (`{ formatted }`: a date, a locale number, left
 * as it is), or nothing.
 */
export type CsvField = string | number | { readonly formatted: string } | undefined

// A text cell Excel would run as a formula (CSV injection): =, +, -, @, or a tab or CR before one.
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * CSV bytes: UTF-8 with a byte-order mark (without it Excel reads the file in the machine's ANSI
 * code page and Vietnamese comes out garbled), CRLF after every row, a field quoted when it holds
 * a comma, a quote or a line break, quotes doubled (RFC 4180). Text that would start a formula
 * gets a leading apostrophe, which Excel shows as text.
 *
 * @example
 * new TextDecoder('utf-8', { ignoreBOM: true }).decode(writeCsvRows([['unit', 'total'], ['=KG', 35.71]]))
 * // "\ufeffunit,total\r\n'=KG,35.71\r\n"
 */
export function writeCsvRows(rows: readonly (readonly CsvField[])[]): Uint8Array {
  const text = stringify(
    rows.map((row) => row.map(fieldText)),
    { bom: true, record_delimiter: '\r\n', quoted_match: /[\r\n]/ },
  )
  return new TextEncoder().encode(text)
}

function fieldText(field: CsvField): string {
  if (field === undefined) return ''
  if (typeof field === 'number') return decimal(field)
  if (typeof field === 'object') return field.formatted
  return FORMULA_START.test(field) ? `'${field}` : field
}

// The shortest text that reads back as the same number, never in exponent form ("1e-7").
function decimal(value: number): string {
  const text = String(value)
  if (!/e/i.test(text)) return text
  return value.toFixed(20).replace(/\.?0+$/, '')
}

/**
 * A CSV text's rows as written (byte-order mark dropped; quoted fields, doubled quotes, CRLF or
 * LF; rows may differ in length; a stray quote inside an unquoted field is kept as text). Throws
 * csv-parse's error on text that is not CSV (an unclosed quote). With `maxRows`, reading stops after
 * that many records.
 *
 * @example
 * readCsvRows('unit;total\nKG;"35,71"', { delimiter: ';' }) // [['unit', 'total'], ['KG', '35,71']]
 */
export function readCsvRows(text: string, options: { delimiter: string; maxRows?: number }): string[][] {
  return parse(text, {
    delimiter: options.delimiter,
    // Stop after this many records: the caller refuses a table longer than its limit without reading all of it.
    ...(options.maxRows !== undefined && { to: options.maxRows }),
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as string[][]
}
