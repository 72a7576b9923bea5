// Test support, not part of the package surface: the Kiên Giang 97/KH-UBND plan "typed into"
// a Word document, an Excel sheet and a CSV file, built from the seed text, so tests can check
// that every format reads to the same plan. The rows are cut from the seed with a reader of their
// own (the layout's known shape: sections "1", tasks "1.1", an empty cell written as a line with
// a non-breaking space), not with the importer under test.

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import ExcelJS from 'exceljs'

export const SEEDS_DIR = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url))

export const SEED_FILES = {
  kienGiang: 'kien-giang-97-KH-UBND-2018-papi.txt',
  laoCai: 'lao-cai-165-KH-UBND-2020-par-index.txt',
  ducHop: 'duc-hop-2023-papi-commune.txt',
  thuaThienHue: 'thua-thien-hue-2024-papi-news.txt',
} as const

export function seedBytes(name: keyof typeof SEED_FILES): Uint8Array {
  return new Uint8Array(readFileSync(`${SEEDS_DIR}${SEED_FILES[name]}`))
}

export function seedText(name: keyof typeof SEED_FILES): string {
  return readFileSync(`${SEEDS_DIR}${SEED_FILES[name]}`, 'utf8')
}

/** The Kiên Giang plan cut into what a person would type into other formats. */
export interface PlanParts {
  /** The header block (issuer | republic, number | place and date), as Word lays it out in a table. */
  header: [left: string[], right: string[]][]
  /** Paragraphs from "KẾ HOẠCH HÀNH ĐỘNG" down to the appendix title. */
  body: string[]
  /** Appendix table: header row, then section rows [code, title] and task rows of five cells. */
  table: string[][]
}

export function kienGiangParts(): PlanParts {
  const lines = seedText('kienGiang').split('\n')
  const index = (test: (line: string) => boolean, from = 0) => {
    const at = lines.findIndex((line, i) => i >= from && test(line))
    if (at < 0) throw new Error('seed layout changed')
    return at
  }
  const nonEmpty = (from: number, to: number) =>
    lines
      .slice(from, to)
      .map((l) => l.trim())
      .filter((l) => l !== '')

  const issuer = index((l) => l === 'ỦY BAN NHÂN DÂN')
  const republic = index((l) => l.startsWith('CỘNG HÒA XÃ HỘI'))
  const number = index((l) => l.startsWith('Số:'))
  const date = index((l) => l.includes(', ngày '), number)
  const kind = index((l) => l === 'KẾ HOẠCH HÀNH ĐỘNG')
  const stt = index((l) => l === 'STT')
  const end = index((l) => l.startsWith('Đã xem'))

  const header: PlanParts['header'] = [
    [nonEmpty(issuer, republic), nonEmpty(republic, number)],
    [nonEmpty(number, number + 1), nonEmpty(date, date + 1)],
  ]
  const body = nonEmpty(kind, stt)

  // Cells: every line that is not empty; a line of only a non-breaking space is an empty cell.
  const cells = lines
    .slice(stt, end)
    .filter((l) => l !== '')
    .map((l) => l.replace(/\u00a0/g, ' ').trim())
  while (cells.at(-1) === '') cells.pop()
  const table: string[][] = [cells.slice(0, 5)]
  for (let i = 5; i < cells.length; ) {
    const code = cells[i] ?? ''
    const width = /^\d+$/.test(code) ? 2 : 5
    table.push(cells.slice(i, i + width))
    i += width
  }
  return { header, body, table }
}

const isSection = (row: readonly string[]) => row.length === 2

/**
 * The plan as a Word document: the header in a borderless two-column table as Word plans have
 * it, the body as paragraphs, the appendix as a table whose section rows span the row and whose
 * lead cells are merged down where consecutive tasks share the same lead.
 */
export function kienGiangDocx(): Promise<Uint8Array> {
  return planPartsDocx(kienGiangParts())
}

/** A plan's parts as a Word document laid out as {@link kienGiangDocx} lays out Kiên Giang's (the benchmark writes generated plans so). */
export async function planPartsDocx({ header, body, table }: PlanParts): Promise<Uint8Array> {
  const cell = (lines: readonly string[], options: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
    new TableCell({
      children: lines.length > 0 ? lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) : [new Paragraph('')],
      ...options,
    })
  const headerTable = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: header.map(([left, right]) => new TableRow({ children: [cell(left), cell(right)] })),
  })

  const [head = [], ...rest] = table
  const rows: TableRow[] = [new TableRow({ tableHeader: true, children: head.map((h) => cell([h])) })]
  for (let i = 0; i < rest.length; i += 1) {
    const row = rest[i] ?? []
    if (isSection(row)) {
      rows.push(new TableRow({ children: [cell([row[0] ?? '']), cell([row[1] ?? ''], { columnSpan: 4 })] }))
      continue
    }
    const previous = rest[i - 1]
    const continuesLead = previous !== undefined && !isSection(previous) && previous[2] === row[2]
    let span = 1
    while (rest[i + span] !== undefined && !isSection(rest[i + span] ?? []) && rest[i + span]?.[2] === row[2]) span += 1
    const [code = '', title = '', lead = '', coordinators = '', time = ''] = row
    const children = [cell([code]), cell([title])]
    // docx writes the covered cells itself; a row under a merged lead leaves that cell out.
    if (!continuesLead) children.push(cell([lead], span > 1 ? { rowSpan: span } : {}))
    children.push(cell(coordinators ? [coordinators] : []), cell([time]))
    rows.push(new TableRow({ children }))
  }

  const doc = new Document({
    sections: [
      {
        children: [
          headerTable,
          ...body.map((text) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun(text)] })),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

/** The lines above the task table, one per row in column A, as a sheet or CSV would hold them. */
function leadingLines(parts: PlanParts): string[] {
  return [...parts.header.flatMap(([left, right]) => [...left, ...right]), ...parts.body]
}

/**
 * The plan as an Excel sheet: its text in column A, a blank row, then the task table — section
 * titles merged across the row, a lead shared by consecutive tasks merged down.
 */
export function kienGiangXlsx(): Promise<Uint8Array> {
  return planPartsXlsx(kienGiangParts())
}

/** A plan's parts as an Excel sheet laid out as {@link kienGiangXlsx} lays out Kiên Giang's. */
export async function planPartsXlsx(parts: PlanParts): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Kế hoạch 97')
  for (const line of leadingLines(parts)) sheet.addRow([line])
  sheet.addRow([])
  const [head = [], ...rest] = parts.table
  sheet.addRow(head)
  let leadStart: { row: number; text: string } | undefined
  const closeLead = (lastRow: number) => {
    if (leadStart && lastRow > leadStart.row) sheet.mergeCells(leadStart.row, 3, lastRow, 3)
    leadStart = undefined
  }
  for (const row of rest) {
    if (isSection(row)) {
      closeLead(sheet.rowCount)
      const added = sheet.addRow([row[0], row[1]])
      sheet.mergeCells(added.number, 2, added.number, 5)
      continue
    }
    const lead = row[2] ?? ''
    if (leadStart && leadStart.text === lead) {
      sheet.addRow([row[0], row[1], null, row[3] || null, row[4]])
    } else {
      closeLead(sheet.rowCount)
      const added = sheet.addRow([row[0], row[1], lead, row[3] || null, row[4]])
      leadStart = { row: added.number, text: lead }
    }
  }
  closeLead(sheet.rowCount)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/** The plan as a CSV file the way Excel in a Vietnamese locale saves it: BOM, ";" between cells. */
export function kienGiangCsv(): Uint8Array {
  const parts = kienGiangParts()
  const quote = (cell: string) => (/[;"\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)
  const rows = [...leadingLines(parts).map((line) => [line]), [], ...parts.table]
  const text = rows.map((row) => row.map(quote).join(';')).join('\r\n')
  return new TextEncoder().encode(`\ufeff${text}\r\n`)
}
