// Internal: a document as a Word file laid out as Decree 30/2020/NĐ-CP asks — heading block,
// title, body text, then the tables with their header row repeated on every page.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx'
import { cellText } from './cell-text'
import type { SignatureBlock } from '../national-heading'
import type { Align, BodyBlock, ColumnSpec, DocumentSpec, RowSpec, TableSpec } from './layout'
import { cellRuns } from './layout'
import { A4_MM, FONT, MARGIN_MM, SIZE_PT } from './page-format'

type AlignmentValue = (typeof AlignmentType)[keyof typeof AlignmentType]

const TWIPS_PER_PT = 20
// Rounded, not floored as the library does: A4 is 11906 × 16838 twips in every Word template.
const twips = (mm: number) => Math.round((mm * 1440) / 25.4)
const half = (pt: number) => Math.round(pt * 2)
const RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } as const
const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const

/** The document as .docx bytes. */
export async function writeDocx(spec: DocumentSpec): Promise<Uint8Array> {
  const page = spec.orientation === 'landscape' ? { width: A4_MM.height, height: A4_MM.width } : A4_MM
  const textWidth = twips(page.width - MARGIN_MM.left - MARGIN_MM.right)
  const document = new Document({
    creator: 'papi',
    styles: {
      default: {
        document: { run: { font: FONT, size: half(SIZE_PT.body) }, paragraph: { spacing: { before: 0, after: 0 } } },
      },
    },
    sections: [
      {
        properties: {
          // The first page carries the heading; page numbers start on the second (Decree 30/2020, Appendix I, I.8).
          titlePage: true,
          page: {
            size: {
              width: twips(A4_MM.width),
              height: twips(A4_MM.height),
              orientation: spec.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: twips(MARGIN_MM.top),
              bottom: twips(MARGIN_MM.bottom),
              left: twips(MARGIN_MM.left),
              right: twips(MARGIN_MM.right),
              header: twips(10),
              footer: twips(10),
            },
          },
        },
        headers: {
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })],
          }),
          first: new Header({ children: [new Paragraph({})] }),
        },
        children: [
          headingTable(spec, textWidth),
          spacer(12),
          ...spec.title.map(
            (line, i) =>
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: line, bold: true, size: half(i === 0 ? SIZE_PT.title : SIZE_PT.body) })],
              }),
          ),
          ...spec.subtitle.map(
            (line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: line, italics: true })] }),
          ),
          spacer(6),
          ...(
            spec.body ?? [
              ...spec.paragraphs.map((text): BodyBlock => ({ kind: 'paragraph', text })),
              ...spec.tables.map((table): BodyBlock => ({ kind: 'table', table })),
            ]
          ).flatMap((block) => bodyBlock(block, spec, textWidth)),
          ...(spec.closing === undefined ? [] : [spacer(12), closingTable(spec.closing, textWidth)]),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}

function bodyBlock(block: BodyBlock, spec: DocumentSpec, textWidth: number): Array<Paragraph | Table> {
  if (block.kind === 'heading')
    return [
      new Paragraph({
        keepNext: true,
        indent: { firstLine: twips(10) },
        // A part opens 12 pt below what precedes it, a table's bottom rule included.
        spacing: { before: 12 * TWIPS_PER_PT, after: 6 * TWIPS_PER_PT },
        children: [new TextRun({ text: block.text, bold: true })],
      }),
    ]
  if (block.kind === 'paragraph')
    return [
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        // Body paragraphs open 1 cm in and sit at least 6 pt apart (Decree 30/2020/NĐ-CP, Appendix I).
        indent: { firstLine: twips(10) },
        spacing: { after: 6 * TWIPS_PER_PT, line: 288 },
        children: [new TextRun({ text: block.text, ...(block.placeholder && { italics: true }) })],
      }),
    ]
  const { table } = block
  return [
    ...(table.caption === undefined
      ? []
      : [
          new Paragraph({
            keepNext: true,
            indent: { firstLine: twips(10) },
            spacing: { before: 12 * TWIPS_PER_PT, after: 6 * TWIPS_PER_PT },
            children: [new TextRun({ text: table.caption, bold: true })],
          }),
        ]),
    dataTable(table, spec, textWidth),
  ]
}

/**
 * "Nơi nhận:" with the recipients on the left, in 11 pt and 12 pt italics bold for the label, and
 * the signature block on the right: the authority lines in bold capitals, room for the signature
 * and seal, then the signer's name in bold (Decree 30/2020/NĐ-CP, Appendix I, II.9–II.10).
 */
function closingTable(closing: NonNullable<DocumentSpec['closing']>, textWidth: number): Table {
  const leftWidth = Math.round(textWidth * 0.5)
  const rightWidth = textWidth - leftWidth
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE, children })
  const recipients = [
    new Paragraph({ children: [new TextRun({ text: closing.recipientsLabel, bold: true, italics: true, size: half(12) })] }),
    ...closing.recipients.map((line) => new Paragraph({ children: [new TextRun({ text: line, size: half(11) })] })),
  ]
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [cell(leftWidth, recipients), cell(rightWidth, signatureParagraphs(closing.signature))],
      }),
    ],
  })
}

function signatureParagraphs(signature: SignatureBlock): Paragraph[] {
  const centred = (text: string, spacing?: { before: number }) =>
    new Paragraph({ alignment: AlignmentType.CENTER, ...(spacing && { spacing }), children: [new TextRun({ text, bold: true })] })
  return [
    ...signature.lines.map((line) => centred(line)),
    // Room for the signature and the seal: about 3 cm.
    centred(signature.name ?? '', { before: 84 * TWIPS_PER_PT }),
  ]
}

/**
 * The heading block as a borderless two-column table: issuer and number on the left, national
 * name, motto and the place-date line on the right, each half centred on its own column.
 */
function headingTable(spec: DocumentSpec, textWidth: number): Table {
  const { heading } = spec
  const leftWidth = Math.round(textWidth * 0.4)
  const rightWidth = textWidth - leftWidth
  const issuerSize = SIZE_PT.headingCaps
  const longestIssuer = Math.max(...heading.issuer.map((l) => textWidthPt(l.text, issuerSize, true)))
  const mottoWidth = textWidthPt(heading.motto[1], SIZE_PT.body, false)
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE, children })
  const centred = (text: string, run: { bold?: boolean; italics?: boolean; size: number }) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, ...run, size: half(run.size) })] })
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          cell(leftWidth, [
            ...heading.issuer.map((line) => centred(line.text, { bold: line.bold, size: issuerSize })),
            // The rule under the issuer runs a third to a half of the name's length (Decree 30/2020, Appendix I, II.3).
            rule(leftWidth, longestIssuer * 0.4),
          ]),
          cell(rightWidth, [
            centred(heading.motto[0], { bold: true, size: SIZE_PT.headingCaps }),
            centred(heading.motto[1], { bold: true, size: SIZE_PT.body }),
            // The rule under the motto runs its whole length.
            rule(rightWidth, mottoWidth),
          ]),
        ],
      }),
      new TableRow({
        children: [
          cell(leftWidth, [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              spacing: { before: 6 * TWIPS_PER_PT },
              children: [new TextRun(heading.number ?? '')],
            }),
          ]),
          cell(rightWidth, [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              spacing: { before: 6 * TWIPS_PER_PT },
              children: [new TextRun({ text: heading.placeDate, italics: true })],
            }),
          ]),
        ],
      }),
    ],
  })
}

/** A centred horizontal rule `lengthPt` long in a column `columnTwips` wide: an empty paragraph's bottom border, indented. */
function rule(columnTwips: number, lengthPt: number): Paragraph {
  const length = Math.min(columnTwips, Math.round(lengthPt * TWIPS_PER_PT))
  const side = Math.max(0, Math.round((columnTwips - length) / 2))
  return new Paragraph({
    indent: { left: side, right: side },
    border: { bottom: RULE },
    spacing: { before: 0, after: 0, line: 60, lineRule: 'exact' },
    run: { size: 2 },
    children: [],
  })
}

/** Rough printed width of a line in points: Times runs about half an em a letter, capitals wider. */
function textWidthPt(text: string, sizePt: number, caps: boolean): number {
  return text.length * sizePt * (caps ? 0.68 : 0.47)
}

function spacer(pt: number): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: pt * TWIPS_PER_PT, lineRule: 'exact' }, children: [] })
}

function dataTable(table: TableSpec, spec: DocumentSpec, textWidth: number): Table {
  const kept = table.columns.map((column, index) => ({ column, index })).filter(({ column }) => !column.spreadsheetOnly)
  const total = kept.reduce((sum, { column }) => sum + column.width, 0)
  const widths = kept.map(({ column }) => Math.floor((column.width / total) * textWidth))
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: kept.map(
      ({ column }, i) =>
        new TableCell({
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' },
          children: [paragraph(column.header, 'center', { bold: true })],
        }),
    ),
  })
  const rows = table.rows.map((row) => dataRow(row, kept, widths, spec))
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: CELL_BORDER,
      bottom: CELL_BORDER,
      left: CELL_BORDER,
      right: CELL_BORDER,
      insideHorizontal: CELL_BORDER,
      insideVertical: CELL_BORDER,
    },
    rows: [header, ...rows],
  })
}

function dataRow(
  row: RowSpec,
  kept: readonly { column: ColumnSpec; index: number }[],
  widths: readonly number[],
  spec: DocumentSpec,
): TableRow {
  // Runs are worked out on the kept columns only, so a span never reaches into a dropped one.
  const visible: RowSpec = { ...row, cells: kept.map(({ index }) => row.cells[index] ?? null) }
  const run = { bold: row.kind === 'group' || row.kind === 'total', italics: row.kind === 'note' }
  return new TableRow({
    cantSplit: true,
    children: cellRuns(visible).map(({ start, span }) => {
      const entry = kept[start]
      const cell = visible.cells[start] ?? null
      const column = entry?.column
      const text = cellText(cell, spec.locale, { percentSign: true })
      const align: Align = column?.align ?? (cell !== null && typeof cell === 'object' ? ('date' in cell ? 'center' : 'right') : 'left')
      const indent = column?.label && row.indent ? twips(4 * row.indent) : 0
      return new TableCell({
        width: { size: widths.slice(start, start + span).reduce((a, b) => a + b, 0), type: WidthType.DXA },
        columnSpan: span > 1 ? span : undefined,
        ...(row.kind === 'group' && { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } }),
        children: [paragraph(text, align, run, indent)],
      })
    }),
  })
}

function paragraph(text: string, align: Align, run: { bold?: boolean; italics?: boolean }, indent = 0): Paragraph {
  const lines = text.split('\n')
  return new Paragraph({
    alignment: ALIGNMENT[align],
    ...(indent > 0 && { indent: { left: indent } }),
    spacing: { before: 20, after: 20 },
    children: lines.map((line, i) => new TextRun({ text: line, size: half(SIZE_PT.table), ...run, ...(i > 0 && { break: 1 }) })),
  })
}

const ALIGNMENT: Record<Align, AlignmentValue> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
}
