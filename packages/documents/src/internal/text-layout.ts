// Internal: plain text in the layout legal-document portals paste, where each table cell sits on
// its own line with a blank line between cells (see fixtures/seeds/kien-giang-97-KH-UBND-2018-papi.txt,
// its appendix). Turns such text into lines and tables for the plan readers.

import { foldText, parseTimeframe } from '@papi/domain'
import { normalizeText } from '../normalize-text'
import type { DocumentContent, SourceLine, SourceRow, SourceTable } from './document-content'
import { columnOf, isHeaderCell, isRowCode } from './task-table'

interface Cell {
  text: string
  line: number
  /** Blank lines between this cell and the one before it. */
  blanksBefore: number
}

/**
 * Reads plain text into lines and tables. Tables are found by their header: a cell "STT" (or
 * "TT") followed by header cells such as "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện".
 */
export function textContent(raw: string): DocumentContent {
  const all = normalizeText(raw).split('\n')
  const lines: SourceLine[] = []
  const cells: Cell[] = []
  let blanks = 0
  all.forEach((text, i) => {
    if (text === '') {
      blanks += 1
      return
    }
    lines.push({ text, source: { line: i + 1 } })
    cells.push({ text, line: i + 1, blanksBefore: blanks })
    blanks = 0
  })
  return { lines, tables: cellTables(cells) }
}

const HEADER_START = /^(?:stt|tt|so tt|so thu tu)$/

function cellTables(cells: Cell[]): SourceTable[] {
  const tables: SourceTable[] = []
  let i = 0
  while (i < cells.length) {
    const cell = cells[i]
    if (!cell || !HEADER_START.test(foldText(cell.text))) {
      i += 1
      continue
    }
    const header = [cell]
    let j = i + 1
    for (; j < cells.length; j += 1) {
      const next = cells[j]
      if (!next || isRowCode(next.text) || !isHeaderCell(next.text)) break
      header.push(next)
    }
    const columns = header.map((h) => columnOf(h.text))
    if (header.length < 3 || !columns.includes('title')) {
      i += 1
      continue
    }
    const { rows, end } = readRows(cells, j, header.length)
    if (rows.length > 0) {
      tables.push({ rows: [{ cells: header.map((h) => h.text), source: { line: cell.line } }, ...rows] })
    }
    i = Math.max(end, i + 1)
  }
  return tables
}

/**
 * Rows after the header: a row starts with its code ("1", "1.1", "I") on a line of its own;
 * a section row has one more cell (its title), a task row one per remaining column. An empty
 * cell shows as a longer run of blank lines (the portal writes it as a line holding only a
 * non-breaking space), which tells where a short row's missing cell was.
 */
function readRows(cells: Cell[], start: number, width: number): { rows: SourceRow[]; end: number } {
  const rows: SourceRow[] = []
  let i = start
  while (i < cells.length) {
    const codeCell = cells[i]
    if (!codeCell || !isRowCode(codeCell.text)) break
    let j = i + 1
    const body: Cell[] = []
    while (j < cells.length) {
      const next = cells[j]
      if (!next || isRowCode(next.text)) break
      body.push(next)
      j += 1
    }
    const lastRow = j >= cells.length || !cells[j] || !isRowCode(cells[j]?.text ?? '')
    let taken = body
    if (lastRow && body.length > width - 1) {
      // What follows the last row is the page after the table ("Đã xem:", document properties).
      taken = body.slice(0, width - 1)
      j = i + 1 + taken.length
    }
    rows.push({ cells: [codeCell.text, ...fit(taken, width - 1)], source: { line: codeCell.line } })
    i = j
    if (lastRow) break
  }
  return { rows, end: i }
}

/** The row's cells laid out over `width` columns. */
function fit(body: Cell[], width: number): string[] {
  if (body.length <= 1) return [body[0]?.text ?? '', ...Array<string>(Math.max(0, width - 1)).fill('')]
  if (body.length > width) {
    // A title that ran over several lines: the extra leading lines belong to it.
    const extra = body.length - width
    const title = body
      .slice(0, extra + 1)
      .map((c) => c.text)
      .join(' ')
    return [title, ...body.slice(extra + 1).map((c) => c.text)]
  }
  const out: string[] = []
  let missing = width - body.length
  body.forEach((cell, k) => {
    if (k > 0 && missing > 0 && cell.blanksBefore >= 3) {
      const empties = Math.min(missing, Math.floor((cell.blanksBefore - 1) / 2))
      for (let e = 0; e < empties; e += 1) out.push('')
      missing -= empties
    }
    out.push(cell.text)
  })
  // No blank-line hint: when the last cell reads as a time, the cell left empty is the one
  // before it (the coordinators', in the usual column order); otherwise the time is missing.
  const last = out.at(-1) ?? ''
  const endsWithTime = parseTimeframe(last).kind !== 'unspecified'
  while (out.length < width) {
    if (endsWithTime) out.splice(Math.max(1, out.length - 1), 0, '')
    else out.push('')
  }
  return out
}
