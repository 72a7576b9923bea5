// Internal: sheets (.xlsx) and comma-separated files (.csv) as lines and tables. A sheet is one
// table; the rows above its header (the plan's number, date, title typed in column A) and every
// cell are also lines, in reading order, so the plan's details are read as from any document.

import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { DOCUMENT_LIMITS } from '../document-limits'
import { normalizeText } from '../normalize-text'
import { countInEntry, streamEntry } from './capped-zip'
import { readCsvRows } from './csv'
import { ReadFailure, TooLarge } from './messages'
import type { DocumentContent, SourceLine, SourceRef, SourceTable } from './document-content'

function gridContent(grids: ReadonlyArray<{ rows: string[][]; source: (row: number) => SourceRef }>): DocumentContent {
  const lines: SourceLine[] = []
  const tables: SourceTable[] = []
  for (const grid of grids) {
    const table: SourceTable = { rows: [] }
    grid.rows.forEach((raw, i) => {
      const cells = raw.map((c) => normalizeText(c).split('\n').filter(Boolean).join('\n'))
      const source = grid.source(i + 1)
      table.rows.push({ cells, source })
      for (const cell of cells) for (const text of cell.split('\n')) if (text !== '') lines.push({ text, source })
    })
    tables.push(table)
  }
  return { lines, tables }
}

/**
 * Checks a workbook against DOCUMENT_LIMITS before ExcelJS (which inflates every entry and builds
 * every cell) sees it: all entries together unpack within `unpackedBytes`, the sheets hold at
 * most `rows` rows. Inflating twice costs little next to what a bomb would cost once.
 */
async function checkWorkbookSize(data: Uint8Array): Promise<void> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(data)
  } catch (cause) {
    throw new ReadFailure('damaged-xlsx', { cause })
  }
  const budget = { left: DOCUMENT_LIMITS.unpackedBytes }
  let rows = 0
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue
    try {
      if (/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) rows += await countInEntry(entry, /<row[\s>/]/, budget)
      else await streamEntry(entry, budget)
    } catch (cause) {
      if (cause instanceof TooLarge) throw cause
      throw new ReadFailure('damaged-xlsx', { cause })
    }
    if (rows > DOCUMENT_LIMITS.rows) throw new TooLarge('rows', DOCUMENT_LIMITS.rows)
  }
}

/**
 * Reads every sheet of an .xlsx workbook. Rejects with a {@link ReadFailure} when it is not one,
 * with {@link TooLarge} past DOCUMENT_LIMITS (checked before it is parsed).
 */
export async function xlsxContent(data: Uint8Array): Promise<DocumentContent> {
  await checkWorkbookSize(data)
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(
      Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    )
  } catch (cause) {
    throw new ReadFailure('damaged-xlsx', { cause })
  }
  const grids = workbook.worksheets.map((sheet) => {
    const rows: string[][] = []
    const width = sheet.columnCount
    for (let r = 1; r <= sheet.rowCount; r += 1) {
      const row: string[] = []
      for (let c = 1; c <= width; c += 1) {
        const cell = sheet.getCell(r, c)
        // A merged cell repeats its value down (a lead over several tasks), not across (a
        // section title over the whole row).
        const master = cell.isMerged ? cell.master : cell
        const across = master.address !== cell.address && Number(master.col) !== Number(cell.col)
        row.push(across ? '' : cellText(master))
      }
      rows.push(row)
    }
    return { rows, source: (row: number): SourceRef => ({ sheet: sheet.name, row }) }
  })
  return gridContent(grids)
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value
  if (value === null || value === undefined) return ''
  if (value instanceof Date) {
    // Dates typed as dates: the calendar day, as a Vietnamese reader writes it.
    return `${value.getUTCDate()}/${value.getUTCMonth() + 1}/${value.getUTCFullYear()}`
  }
  return cell.text ?? ''
}

/**
 * The separator a CSV file uses — comma, semicolon (Excel in a Vietnamese locale) or tab: the
 * one that splits the most lines into the same number of cells. Counting characters alone fails:
 * Vietnamese task titles are full of commas.
 */
function delimiterOf(text: string): string {
  let best = { delimiter: ',', score: -1 }
  for (const delimiter of [',', ';', '\t']) {
    const counts = new Map<number, number>()
    let inQuotes = false
    let count = 0
    for (const ch of text.slice(0, 200_000)) {
      if (ch === '"') inQuotes = !inQuotes
      else if (!inQuotes && ch === delimiter) count += 1
      else if (!inQuotes && ch === '\n') {
        if (count > 0) counts.set(count, (counts.get(count) ?? 0) + 1)
        count = 0
      }
    }
    const score = Math.max(0, ...counts.values())
    if (score > best.score) best = { delimiter, score }
  }
  return best.delimiter
}

/** Reads a .csv file (UTF-8, with or without BOM; UTF-16 with BOM) of at most DOCUMENT_LIMITS.rows rows. */
export function csvContent(text: string): DocumentContent {
  const delimiter = delimiterOf(text)
  let rows: string[][]
  try {
    // One record past the limit is enough to refuse: csv-parse stops there.
    rows = readCsvRows(text, { delimiter, maxRows: DOCUMENT_LIMITS.rows + 1 })
  } catch (cause) {
    throw new ReadFailure('bad-csv', { cause })
  }
  if (rows.length > DOCUMENT_LIMITS.rows) throw new TooLarge('rows', DOCUMENT_LIMITS.rows)
  return gridContent([{ rows, source: (row) => ({ row }) }])
}
