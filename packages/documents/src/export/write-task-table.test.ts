import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { readPlanDocument } from '../read-plan-document'
import { readDocx } from '../testing/read-docx'
import { KIEN_GIANG_AS_OF, KIEN_GIANG_UNITS, kienGiangPlan, kienGiangReports } from './kien-giang.fixture'
import { taskTableModel } from './task-table'
import { writeTaskTableCsv, writeTaskTableDocx, writeTaskTableXlsx } from './write-task-table'

const plan = kienGiangPlan()
const model = taskTableModel({ plan, units: KIEN_GIANG_UNITS })
const HEADERS = ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện']

async function loadXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  return workbook
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  const values = sheet.getRow(row).values as unknown[]
  return values.slice(1)
}

function headerRowOf(sheet: ExcelJS.Worksheet): number {
  let found = 0
  sheet.eachRow((row, n) => {
    if (found === 0 && row.getCell(1).value === 'STT') found = n
  })
  return found
}

describe('writeTaskTableXlsx', () => {
  it('writes one worksheet with the heading block, the title, and a bold header row', async () => {
    const workbook = await loadXlsx(await writeTaskTableXlsx(model))
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Biểu tổng hợp nhiệm vụ'])
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet
    expect(sheet.getCell('A1').value).toBe('ỦY BAN NHÂN DÂN')
    expect(sheet.getCell('A2').value).toBe('TỈNH KIÊN GIANG')
    const values = [1, 2, 4].map((r) => rowValues(sheet, r).filter((v) => typeof v === 'string'))
    expect(values.flat()).toEqual(
      expect.arrayContaining(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Kiên Giang, ngày 18 tháng 5 năm 2018']),
    )
    const header = headerRowOf(sheet)
    expect(rowValues(sheet, header)).toEqual(HEADERS)
    HEADERS.forEach((_, c) => {
      expect(sheet.getRow(header).getCell(c + 1).font?.bold).toBe(true)
    })
    expect(rowValues(sheet, header - 3)).toContain('BIỂU TỔNG HỢP NHIỆM VỤ')
  })

  it('writes a section row then its tasks, Vietnamese text intact', async () => {
    const sheet = (await loadXlsx(await writeTaskTableXlsx(model))).worksheets[0] as ExcelJS.Worksheet
    const header = headerRowOf(sheet)
    expect(rowValues(sheet, header + 1).slice(0, 2)).toEqual(['1', 'Tham gia của người dân ở cấp cơ sở'])
    expect(sheet.getRow(header + 1).getCell(2).font?.bold).toBe(true)
    expect(rowValues(sheet, header + 2)).toEqual([
      '1.1',
      plan.sections[0]?.tasks[0]?.title,
      'Sở Nội vụ; UBND cấp huyện; UBND cấp xã',
      'Các sở ngành liên quan; các cơ quan thông tấn báo chí',
      'Định kỳ hằng quý',
    ])
    expect(sheet.getCell(header + 2, 2).alignment).toMatchObject({ wrapText: true, vertical: 'top' })
    // Header, 6 section rows, 31 task rows.
    expect(sheet.rowCount).toBe(header + 6 + 31)
  })

  it('sets column widths that fit and prints on A4 landscape, header row repeated on every page', async () => {
    const sheet = (await loadXlsx(await writeTaskTableXlsx(model))).worksheets[0] as ExcelJS.Worksheet
    expect([1, 2, 3, 4, 5].map((c) => sheet.getColumn(c).width)).toEqual([7, 56, 26, 26, 22])
    const header = headerRowOf(sheet)
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${header}:${header}`,
    })
    // Decree 30/2020/NĐ-CP margins: left 30 mm, right 15 mm, top and bottom 20 mm.
    expect(sheet.pageSetup.margins?.left).toBeCloseTo(30 / 25.4, 3)
    expect(sheet.pageSetup.margins?.right).toBeCloseTo(15 / 25.4, 3)
    expect(sheet.getCell(header + 2, 2).font?.name).toBe('Times New Roman')
  })

  it('adds status and progress as real percentages when reports are given', async () => {
    const withStatus = taskTableModel({
      plan,
      units: KIEN_GIANG_UNITS,
      reports: kienGiangReports(plan),
      periodId: '2018Q2',
      asOf: KIEN_GIANG_AS_OF,
    })
    const sheet = (await loadXlsx(await writeTaskTableXlsx(withStatus))).worksheets[0] as ExcelJS.Worksheet
    const header = headerRowOf(sheet)
    expect(rowValues(sheet, header).slice(5)).toEqual(['Tình trạng', 'Tiến độ'])
    const row = rowValues(sheet, header + 2) // 1.1
    expect(row[5]).toBe('Quá hạn')
    expect(sheet.getCell(header + 2, 7).numFmt).toMatch(/%$/)
    expect(typeof row[6]).toBe('number')
  })
})

describe('writeTaskTableDocx', () => {
  it('opens with the national heading block, then the title', async () => {
    const { tables, paragraphs } = await readDocx(await writeTaskTableDocx(model))
    const [left, right] = tables[0]?.[0] ?? []
    expect(left).toMatch(/^ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG/)
    expect(right).toMatch(/^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc/)
    expect(tables[0]?.[1]?.[1]).toBe('Kiên Giang, ngày 18 tháng 5 năm 2018')
    expect(paragraphs).toContain('BIỂU TỔNG HỢP NHIỆM VỤ')
    expect(paragraphs).toContain('(Kèm theo Kế hoạch số 97/KH-UBND ngày 18/05/2018 của Ủy ban nhân dân tỉnh Kiên Giang)')
  })

  it('writes the table: header row repeated on each page, a section row spanning, task rows', async () => {
    const { tables, xml } = await readDocx(await writeTaskTableDocx(model))
    const table = tables[1] ?? []
    expect(table[0]).toEqual(HEADERS)
    expect(table[1]).toEqual(['1', 'Tham gia của người dân ở cấp cơ sở'])
    expect(table[4]).toEqual([
      '1.3',
      'Công khai các khoản đóng góp tự nguyện tại địa phương',
      'UBND cấp xã',
      'MTTQ và các đoàn thể có liên quan',
      'Thường xuyên',
    ])
    expect(table).toHaveLength(1 + 6 + 31)
    expect(xml).toContain('<w:tblHeader/>')
    expect(xml).toMatch(/<w:gridSpan w:val="4"\/>/)
  })

  it('sets A4 landscape with the decree’s margins, in Times New Roman', async () => {
    const bytes = await writeTaskTableDocx(model)
    const { xml } = await readDocx(bytes)
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/)
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/)
    const styles = await (await JSZip.loadAsync(bytes)).file('word/styles.xml')?.async('string')
    expect(styles).toContain('Times New Roman')
  })

  it('writes the timeframe with the dates it was read as', async () => {
    const { tables } = await readDocx(await writeTaskTableDocx(model))
    const row = tables[1]?.find((r) => r[0] === '2.3')
    expect(row?.[4]).toBe('Quý II năm 2018 (01/04/2018 – 30/06/2018)')
  })

  it('writes English when asked', async () => {
    const english = taskTableModel({ plan, units: KIEN_GIANG_UNITS, locale: 'en' })
    const { tables, paragraphs } = await readDocx(await writeTaskTableDocx(english))
    expect(paragraphs).toContain('TASK SUMMARY TABLE')
    expect(tables[1]?.[0]).toEqual(['No.', 'Task', 'Lead unit', 'Coordinating units', 'Timeframe'])
    expect(tables[1]?.find((r) => r[0] === '2.3')?.[4]).toBe('Time window 01/04/2018 – 30/06/2018 ("Quý II năm 2018")')
  })
})

describe('writeTaskTableCsv', () => {
  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', async () => {
    const bytes = await writeTaskTableCsv(model)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    expect(text.split('\r\n')[0]).toBe(`\ufeff${HEADERS.join(',')}`)
    expect(text.endsWith('\r\n')).toBe(true)
  })

  it('quotes fields with commas, so a CSV reader gets the cells back whole', async () => {
    const text = new TextDecoder().decode(await writeTaskTableCsv(model))
    const rows = parse(text, { bom: true, relax_column_count: true }) as string[][]
    expect(rows).toHaveLength(1 + 6 + 31)
    expect(rows[1]).toEqual(['1', 'Tham gia của người dân ở cấp cơ sở', '', '', ''])
    expect(rows[2]?.[1]).toBe(plan.sections[0]?.tasks[0]?.title)
    expect(text).toContain('"Tăng cường thông tin, tuyên truyền')
  })
})

describe('round trip through the importer', () => {
  it.each([
    ['csv', writeTaskTableCsv],
    ['xlsx', writeTaskTableXlsx],
    ['docx', writeTaskTableDocx],
  ] as const)('reads the written .%s back as the same 31 tasks, assignees and timeframes', async (format, write) => {
    const back = await readPlanDocument({ fileName: `bieu-tong-hop.${format}`, data: await write(model) })
    const read = back.sections.flatMap((s) => s.tasks)
    const written = plan.sections.flatMap((s) => s.tasks)
    expect(back.sections.map((s) => s.title)).toEqual(plan.sections.map((s) => s.title))
    expect(read.map((t) => [t.code, t.title, t.lead.map((a) => a.text), t.coordinators.map((a) => a.text)])).toEqual(
      written.map((t) => [t.code, t.title, t.lead.map((a) => a.text), t.coordinators.map((a) => a.text)]),
    )
    expect(read.map((t) => [t.timeframe.kind, t.timeframe.start, t.timeframe.end])).toEqual(
      written.map((t) => [t.timeframe.kind, t.timeframe.start, t.timeframe.end]),
    )
  })
})

describe('regression: the issuer heading of an exported .xlsx reads back whole', () => {
  // The worksheet sets the issuer's two lines beside the motto's, so the rows interleave them:
  // "ỦY BAN NHÂN DÂN", "CỘNG HÒA…", "TỈNH KIÊN GIANG", "Độc lập…". Only the first line was read.
  it.each([
    ['xlsx', writeTaskTableXlsx],
    ['docx', writeTaskTableDocx],
  ] as const)('reads "ỦY BAN NHÂN DÂN" and "TỈNH KIÊN GIANG" back from the .%s as one issuer', async (format, write) => {
    const back = await readPlanDocument({ fileName: `bieu-tong-hop.${format}`, data: await write(model) })
    expect(back.plan.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG')
    expect(back.plan.place).toBe('Kiên Giang')
  })

  it('reads a department’s heading, its committee above it, beside the motto', async () => {
    const department = taskTableModel({ plan, units: KIEN_GIANG_UNITS, issuer: 'Sở Nội vụ tỉnh Kiên Giang' })
    const back = await readPlanDocument({ fileName: 'bieu.xlsx', data: await writeTaskTableXlsx(department) })
    expect(back.plan.issuer).toBe('UBND TỈNH KIÊN GIANG SỞ NỘI VỤ')
  })
})
