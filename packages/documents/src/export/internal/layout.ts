// Internal: the shape every writer renders. Builders turn a model into this (localised text,
// typed cells); the xlsx, docx and csv writers turn it into bytes without knowing what it says.
import type { IsoDate, Locale } from '@papi/domain'
import type { NationalHeading, SignatureBlock } from '../national-heading'

/**
 * One table cell. Dates, percentages and counts stay typed so the spreadsheet gets real dates and
 * numbers (sortable, summable), while Word and CSV get them written the locale's way.
 */
export type Cell = string | { date: IsoDate } | { percent: number } | { count: number } | null

export type Align = 'left' | 'center' | 'right'

export interface ColumnSpec {
  header: string
  /** Width in Excel character units; Word scales the widths to the page. */
  width: number
  align?: Align
  /** Left out of the Word table (long free text that belongs in the spreadsheet). */
  spreadsheetOnly?: boolean
  /** The column that names the row; a row's `indent` applies to it. */
  label?: boolean
}

/**
 * - `group`: a section heading row, bold and shaded;
 * - `item`: an ordinary row; `detail`: a row under an item (a unit under its task), indented;
 * - `total`: a bold sums row; `note`: a line of text ("none").
 * In group, total and note rows a text cell spans the empty cells after it (a section title runs
 * across the columns it has nothing to say in); dates and numbers keep their own column.
 */
export type RowKind = 'group' | 'item' | 'detail' | 'total' | 'note'

export interface RowSpec {
  kind: RowKind
  cells: Cell[]
  /** Indent of the label column, in levels (a commune under its district). */
  indent?: number
}

export interface TableSpec {
  /** Worksheet name (31 characters at most, none of : \ / ? * [ ]). */
  sheetName: string
  /** Caption above the table ("I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"); none for a table that is the whole document. */
  caption?: string
  columns: ColumnSpec[]
  rows: RowSpec[]
}

/** A whole administrative document: heading block, title, body paragraphs, tables. */
export interface DocumentSpec {
  locale: Locale
  heading: NationalHeading
  /** Title lines, centred bold: the kind of document, then what it is about. */
  title: string[]
  /** Lines under the title in brackets or italics ("(Kèm theo Kế hoạch số …)"). */
  subtitle: string[]
  /** Body text before the tables. */
  paragraphs: string[]
  tables: TableSpec[]
  /**
   * The Word body in order, when it is more than the paragraphs then the tables: part headings,
   * paragraphs (a `placeholder` is text the official replaces, set in italics) and the tables.
   * The spreadsheet keeps `paragraphs` and `tables`, the figures.
   */
  body?: BodyBlock[]
  /** "Nơi nhận:" and the signature block that close a document someone signs (Word only). */
  closing?: { recipientsLabel: string; recipients: string[]; signature: SignatureBlock }
  /** Wide tables are laid out on A4 landscape. */
  orientation: 'portrait' | 'landscape'
}

export type BodyBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; placeholder?: boolean }
  | { kind: 'table'; table: TableSpec }

/** Whether a row kind lets a filled cell run over the empty cells after it. */
function spansEmptyCells(kind: RowKind): boolean {
  return kind === 'group' || kind === 'total' || kind === 'note'
}

/**
 * Runs of a row for kinds that span: `[start, length]` per filled cell (the first cell always
 * starts a run). Items and details keep one cell per column.
 */
export function cellRuns(row: RowSpec): Array<{ start: number; span: number }> {
  if (!spansEmptyCells(row.kind)) return row.cells.map((_, start) => ({ start, span: 1 }))
  const runs: Array<{ start: number; span: number }> = []
  row.cells.forEach((cell, index) => {
    const last = runs.at(-1)
    const opener = last === undefined ? undefined : row.cells[last.start]
    if (last && isEmpty(cell) && typeof opener === 'string' && opener !== '') last.span += 1
    else runs.push({ start: index, span: 1 })
  })
  return runs
}

function isEmpty(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || cell === ''
}
