// Internal: a document as an Excel workbook — one worksheet per table, the first with the heading
// block, title and summary; A4 print setup with the header row repeated on every page.
import { roundPercent } from '@papi/domain'
import ExcelJS from 'exceljs'
import type { Align, Cell, ColumnSpec, DocumentSpec, RowSpec, TableSpec } from './layout'
import { cellText } from './cell-text'
import { cellRuns } from './layout'
import { FONT, MARGIN_MM, MM_PER_INCH, SIZE_PT } from './page-format'

type Worksheet = ExcelJS.Worksheet

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } }
const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
}
const PAPER_A4 = 9
// A short rule under the issuer and under the motto (Decree 30/2020/NĐ-CP draws them as lines;
// a worksheet has no lines that short, so the heading sets one in text).
const RULE = '\u2500'.repeat(10)
const MOTTO_RULE = '\u2500'.repeat(34)

/** The document as .xlsx bytes. */
export async function writeXlsx(spec: DocumentSpec): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'papi'
  const used = new Set<string>()
  spec.tables.forEach((table, index) => {
    const sheet = workbook.addWorksheet(sheetName(table.sheetName, used), {
      pageSetup: {
        paperSize: PAPER_A4,
        orientation: spec.orientation,
        // Fit the columns to the page width; rows run on over as many pages as they need.
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: {
          top: MARGIN_MM.top / MM_PER_INCH,
          bottom: MARGIN_MM.bottom / MM_PER_INCH,
          left: MARGIN_MM.left / MM_PER_INCH,
          right: MARGIN_MM.right / MM_PER_INCH,
          header: 0.3,
          footer: 0.3,
        },
      },
    })
    table.columns.forEach((column, c) => {
      sheet.getColumn(c + 1).width = column.width
    })
    let row = 1
    if (index === 0) row = writeFront(sheet, spec, table.columns, row)
    if (table.caption !== undefined) {
      row = writeMerged(sheet, row, table.columns, table.caption, { bold: true, size: SIZE_PT.body, align: 'left' }) + 1
    }
    const headerRow = row
    writeHeader(sheet, headerRow, table)
    sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`
    sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }]
    table.rows.forEach((spec, r) => {
      writeRow(sheet, headerRow + 1 + r, table.columns, spec)
    })
    sheet.headerFooter.oddFooter = `&C&"${FONT}"&10&P/&N`
  })
  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}

/** Heading block, title, subtitle and paragraphs above the first table; returns the next free row. */
function writeFront(sheet: Worksheet, spec: DocumentSpec, columns: readonly ColumnSpec[], first: number): number {
  const { heading } = spec
  const split = leftBlockEnd(columns)
  const left = (row: number, text: string, font: Partial<ExcelJS.Font>) => mergeText(sheet, row, 1, split, text, font, 'center')
  const right = (row: number, text: string, font: Partial<ExcelJS.Font>) =>
    mergeText(sheet, row, split + 1, columns.length, text, font, 'center')

  const lines = Math.max(heading.issuer.length, heading.motto.length)
  for (let i = 0; i < lines; i++) {
    const issuer = heading.issuer[i]
    if (issuer) left(first + i, issuer.text, { bold: issuer.bold, size: SIZE_PT.headingCaps })
    const motto = heading.motto[i]
    if (motto) right(first + i, motto, { bold: true, size: i === 0 ? SIZE_PT.headingCaps : SIZE_PT.body })
  }
  let row = first + lines
  left(row, RULE, { size: 8 })
  right(row, MOTTO_RULE, { size: 8 })
  sheet.getRow(row).height = 8
  row += 1
  if (heading.number !== undefined) left(row, heading.number, { size: SIZE_PT.body })
  right(row, heading.placeDate, { italic: true, size: SIZE_PT.body })
  row += 2

  for (const title of spec.title) row = writeMerged(sheet, row, columns, title, { bold: true, size: SIZE_PT.title, align: 'center' })
  for (const line of spec.subtitle) row = writeMerged(sheet, row, columns, line, { italic: true, size: SIZE_PT.body, align: 'center' })
  row += 1
  for (const paragraph of spec.paragraphs) row = writeMerged(sheet, row, columns, paragraph, { size: SIZE_PT.body, align: 'left' })
  return spec.paragraphs.length > 0 ? row + 1 : row
}

/** The heading's left block covers the first columns up to about two fifths of the width. */
function leftBlockEnd(columns: readonly ColumnSpec[]): number {
  const total = columns.reduce((sum, c) => sum + c.width, 0)
  let width = 0
  for (let c = 0; c < columns.length - 1; c++) {
    width += columns[c]?.width ?? 0
    if (width >= total * 0.36) return c + 1
  }
  return Math.max(1, columns.length - 1)
}

function writeMerged(
  sheet: Worksheet,
  row: number,
  columns: readonly ColumnSpec[],
  text: string,
  style: { bold?: boolean; italic?: boolean; size: number; align: Align },
): number {
  const { align, ...font } = style
  mergeText(sheet, row, 1, columns.length, text, font, align)
  sheet.getRow(row).height = heightFor(
    text,
    columns.reduce((sum, c) => sum + c.width, 0),
    style.size,
  )
  return row + 1
}

function mergeText(sheet: Worksheet, row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font>, align: Align): void {
  if (to > from) sheet.mergeCells(row, from, row, to)
  const cell = sheet.getCell(row, from)
  cell.value = text
  cell.font = { name: FONT, ...font }
  cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true }
}

function writeHeader(sheet: Worksheet, row: number, table: TableSpec): void {
  table.columns.forEach((column, c) => {
    const cell = sheet.getCell(row, c + 1)
    cell.value = column.header
    cell.font = { name: FONT, bold: true, size: SIZE_PT.table }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.fill = HEADER_FILL
    cell.border = THIN
  })
  const tallest = Math.max(...table.columns.map((c) => linesFor(c.header, c.width)))
  sheet.getRow(row).height = Math.max(1, tallest) * lineHeight(SIZE_PT.table) + 4
}

function writeRow(sheet: Worksheet, row: number, columns: readonly ColumnSpec[], spec: RowSpec): void {
  const font: Partial<ExcelJS.Font> = {
    name: FONT,
    size: SIZE_PT.table,
    bold: spec.kind === 'group' || spec.kind === 'total',
    italic: spec.kind === 'note',
  }
  columns.forEach((column, c) => {
    const cell = sheet.getCell(row, c + 1)
    const value = spec.cells[c] ?? null
    setValue(cell, value)
    cell.font = font
    cell.border = THIN
    if (spec.kind === 'group') cell.fill = GROUP_FILL
    cell.alignment = {
      horizontal: alignOf(column, value),
      vertical: 'top',
      wrapText: true,
      ...(column.label && spec.indent ? { indent: spec.indent * 2 } : {}),
    }
  })
  let tallest = 1
  for (const { start, span } of cellRuns(spec)) {
    if (span > 1) sheet.mergeCells(row, start + 1, row, start + span)
    const width = columns.slice(start, start + span).reduce((sum, c) => sum + c.width, 0)
    const indent = columns[start]?.label && spec.indent ? spec.indent * 2 : 0
    const text = cellText(spec.cells[start] ?? null, 'vi', { percentSign: true })
    tallest = Math.max(tallest, linesFor(text, width - indent))
  }
  // LibreOffice leaves a row written without a height at the default height, wrapped text or not,
  // and merged cells grow in no program: size every row here.
  sheet.getRow(row).height = tallest * lineHeight(SIZE_PT.table) + 4
}

function setValue(cell: ExcelJS.Cell, value: Cell): void {
  if (value === null) return
  if (typeof value === 'string') {
    cell.value = value
  } else if ('date' in value) {
    const [y = 0, m = 1, d = 1] = value.date.split('-').map(Number)
    cell.value = new Date(Date.UTC(y, m - 1, d))
    cell.numFmt = 'dd/mm/yyyy'
  } else if ('percent' in value) {
    const rounded = roundPercent(value.percent)
    cell.value = rounded / 100
    cell.numFmt = Number.isInteger(rounded) ? '0%' : '0.0%'
  } else {
    cell.value = value.count
    cell.numFmt = '0'
  }
}

function alignOf(column: ColumnSpec, value: Cell): Align {
  if (column.align !== undefined) return column.align
  if (value !== null && typeof value === 'object') return 'date' in value ? 'center' : 'right'
  return 'left'
}

/**
 * Lines a text takes in a column `width` characters wide, wrapped word by word. A Times New Roman
 * letter at 12 pt is about as wide as Excel's width unit (the digit width of the default font).
 */
function linesFor(text: string, width: number): number {
  const capacity = Math.max(1, width * 1.1 - 1)
  let lines = 0
  for (const paragraph of text.split('\n')) {
    let used = 0
    lines += 1
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const needed = used === 0 ? word.length : used + 1 + word.length
      if (needed <= capacity) used = needed
      else {
        // A word longer than the column breaks over as many lines as it needs.
        lines += used === 0 ? Math.ceil(word.length / capacity) - 1 : Math.ceil(word.length / capacity)
        used = word.length % capacity || capacity
      }
    }
  }
  return lines
}

function lineHeight(size: number): number {
  return size * 1.3
}

function heightFor(text: string, width: number, size: number): number {
  // Larger type takes proportionally more of the width per character.
  return linesFor(text, (width * SIZE_PT.table) / size) * lineHeight(size) + 4
}

/** Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(wanted: string, used: Set<string>): string {
  const base =
    wanted
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet'
  let name = base
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`
  used.add(name.toLowerCase())
  return name
}
