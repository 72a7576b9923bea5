import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { consolidatedReportModel } from './consolidated-report'
import { readDocx } from '../testing/read-docx'
import { KIEN_GIANG_AS_OF, KIEN_GIANG_UNITS, kienGiangPlan, kienGiangReports } from './kien-giang.fixture'
import { writeConsolidatedReportCsv, writeConsolidatedReportDocx, writeConsolidatedReportXlsx } from './write-consolidated-report'

const plan = kienGiangPlan()
const input = { plan, units: KIEN_GIANG_UNITS, reports: kienGiangReports(plan), periodId: '2018Q2', asOf: KIEN_GIANG_AS_OF }
const model = consolidatedReportModel(input)

// Writing the 25-page report takes a while: write each format once and read it in every test.
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined
  return () => (made ??= make())
}
const workbook = once(async () => loadXlsx(await writeConsolidatedReportXlsx(model)))
const docx = once(async () => readDocx(await writeConsolidatedReportDocx(model)))

async function loadXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  return workbook
}

/** Each row's values from column A, as a list. */
function rows(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = (row.values as unknown[]).slice(1)
  })
  return out
}

function headerRowOf(sheet: ExcelJS.Worksheet): number {
  return rows(sheet).findIndex((r) => r?.[0] === 'STT') + 1
}

describe('writeConsolidatedReportXlsx', () => {
  it('writes a worksheet per table: tasks, units, late, missing, targets', async () => {
    const book = await workbook()
    expect(book.worksheets.map((s) => s.name)).toEqual(['Nhiệm vụ', 'Đơn vị', 'Trễ hạn', 'Chưa gửi', 'Chỉ tiêu'])
    for (const sheet of book.worksheets) {
      const header = headerRowOf(sheet)
      expect(header).toBeGreaterThan(0)
      expect(sheet.getRow(header).getCell(2).font?.bold).toBe(true)
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: `${header}:${header}` })
    }
  })

  it('opens the first worksheet with the heading block, the title and the summary', async () => {
    const sheet = (await workbook()).worksheets[0] as ExcelJS.Worksheet
    // A merged range reads back its text in every cell it covers: keep each text once.
    const text = [
      ...new Set(
        rows(sheet)
          .flat()
          .filter((v): v is string => typeof v === 'string'),
      ),
    ]
    expect(text.slice(0, 4)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỈNH KIÊN GIANG',
      'Độc lập - Tự do - Hạnh phúc',
    ])
    expect(text).toContain('Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND')
    expect(text).toContain('Kiên Giang, ngày 05 tháng 7 năm 2018')
    expect(text).toContain('BÁO CÁO')
    expect(text).toContain('Kết quả thực hiện Kế hoạch số 97/KH-UBND ngày 18/05/2018 của Ủy ban nhân dân tỉnh Kiên Giang, Quý II/2018')
    expect(text).toContain('Kỳ báo cáo: Quý II/2018; thời gian chốt số liệu từ ngày 15/03/2018 đến ngày 14/06/2018.')
    expect(text).toContain('Hạn gửi báo cáo: cấp xã 16/06/2018; cấp huyện, cấp tỉnh 18/06/2018.')
    expect(text).toContain('1. Tình hình thực hiện nhiệm vụ')
  })

  it('writes tasks with their units under them, dates as dates and progress as percentages', async () => {
    const sheet = (await workbook()).worksheets[0] as ExcelJS.Worksheet
    const all = rows(sheet)
    const header = headerRowOf(sheet)
    expect(all[header - 1]).toEqual([
      'STT',
      'Nhiệm vụ / Đơn vị thực hiện',
      'Thời gian thực hiện',
      'Hạn hoàn thành',
      'Báo cáo kỳ này',
      'Tình hình thực hiện',
      'Tiến độ',
      'Kết quả',
      'Nội dung báo cáo',
    ])
    const task = all.findIndex((r) => r?.[0] === '2.6') + 1
    expect(sheet.getCell(task, 4).value).toEqual(new Date(Date.UTC(2018, 5, 30)))
    expect(sheet.getCell(task, 4).numFmt).toBe('dd/mm/yyyy')
    expect(sheet.getCell(task, 7).value).toBe(1)
    expect(sheet.getCell(task, 8).value).toBe('Hoàn thành đúng hạn')
    expect(all[task]?.slice(1, 9)).toEqual([
      'Sở Tài nguyên và Môi trường',
      undefined,
      undefined,
      'Đúng hạn (15/06/2018)',
      'Đã hoàn thành',
      1,
      undefined,
      'Báo cáo của Sở Tài nguyên và Môi trường về nhiệm vụ 2.6.',
    ])
    expect(sheet.getCell(task + 1, 2).alignment?.indent).toBe(2)
  })

  it('writes counts per unit as numbers and a bold total row', async () => {
    const sheet = (await workbook()).worksheets[1] as ExcelJS.Worksheet
    const all = rows(sheet)
    const yTe = all.find((r) => r?.[1] === 'Sở Y tế')
    expect(yTe?.slice(3, 9)).toEqual([8, 0, 0, 0, 8, 0])
    const total = all.findIndex((r) => r?.[1] === 'Tổng cộng') + 1
    expect(all[total - 1]?.slice(3, 9)).toEqual([143, 93, 71, 22, 50, 0])
    expect(sheet.getCell(total, 2).font?.bold).toBe(true)
  })
})

describe('writeConsolidatedReportDocx', () => {
  it('opens with the heading block: issuer, number left blank for the register, motto, place and date', async () => {
    const { tables } = await docx()
    expect(tables[0]).toEqual([
      ['ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\n', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n'],
      ['Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND', 'Kiên Giang, ngày 05 tháng 7 năm 2018'],
    ])
  })

  it('writes the title, the summary and a caption before each table', async () => {
    const { paragraphs } = await docx()
    expect(paragraphs).toEqual(
      expect.arrayContaining([
        'BÁO CÁO',
        'Tiến độ chung của Kế hoạch: 34,5%. Kết quả 31 nhiệm vụ: hoàn thành đúng hạn 1, hoàn thành quá hạn 0, chưa đến hạn 27, quá hạn 3.',
        'Tình hình gửi báo cáo: 93/143 báo cáo đã gửi (65%), trong đó 71 đúng hạn, 22 trễ hạn; 50 chưa gửi; 0 chưa đến hạn.',
        '1. Tình hình thực hiện nhiệm vụ',
        '2. Tình hình gửi báo cáo của các đơn vị',
        '3. Đơn vị gửi báo cáo trễ hạn',
        '4. Đơn vị chưa gửi báo cáo',
        '5. Kết quả thực hiện các chỉ tiêu',
      ]),
    )
  })

  it('writes the tasks table without the narrative column, sections spanning, units under tasks', async () => {
    const { tables } = await docx()
    const tasks = tables[1] ?? []
    expect(tasks[0]).toEqual([
      'STT',
      'Nhiệm vụ / Đơn vị thực hiện',
      'Thời gian thực hiện',
      'Hạn hoàn thành',
      'Báo cáo kỳ này',
      'Tình hình thực hiện',
      'Tiến độ',
      'Kết quả',
    ])
    expect(tasks[1]).toEqual(['1', 'Tham gia của người dân ở cấp cơ sở', '33,9%', ''])
    const index = tasks.findIndex((r) => r[0] === '2.6')
    expect(tasks[index]).toEqual([
      '2.6',
      'Tập huấn cho công chức cấp huyện, cấp xã trong lĩnh vực đất đai',
      'Tháng 6 năm 2018 (01/06/2018 – 30/06/2018)',
      '30/06/2018',
      '1/1 đã gửi',
      '',
      '100%',
      'Hoàn thành đúng hạn',
    ])
    expect(tasks[index + 1]).toEqual(['', 'Sở Tài nguyên và Môi trường', '', '', 'Đúng hạn (15/06/2018)', 'Đã hoàn thành', '100%', ''])
    expect(tasks.find((r) => r[0] === '3.3')?.[4]).toBe('Không thuộc kỳ báo cáo')
  })

  it('writes rates with a decimal comma, late units with the day they filed, and targets judged', async () => {
    const { tables } = await docx()
    const [, , units, late, missing, targets] = tables
    expect(units?.at(-1)).toEqual(['', 'Tổng cộng', '143', '93', '71', '22', '50', '0', '65%', '49,7%'])
    expect(late?.[1]).toEqual(['1', 'Sở Tài chính', '18/06/2018', '2.5. Công khai Bảng giá đất khi được UBND tỉnh ban hành', '20/06/2018'])
    expect(missing?.map((r) => r[1]).filter((name) => name !== '')).toEqual([
      'Đơn vị',
      'Sở Y tế',
      'UBND phường Vĩnh Lạc',
      'UBND thị trấn Minh Lương',
      'UBND xã Bình An',
    ])
    expect(targets?.[1]).toEqual(['1', 'Xếp hạng PAPI năm 2018 cao hơn năm 2017 (45/63)', 'Kế hoạch', '', '', 'Chưa có số liệu'])
    expect(targets?.find((r) => r[3] === 'Sở Tư pháp')?.slice(4)).toEqual(['92,5%', 'Không đạt'])
  })

  it('writes "none" under a table with nothing to list', async () => {
    const onTime = consolidatedReportModel({ ...input, graceDays: 5 })
    const { tables } = await readDocx(await writeConsolidatedReportDocx(onTime))
    expect(tables[3]?.[1]).toEqual(['', 'Không có'])
  })

  it('writes English when asked', async () => {
    const english = consolidatedReportModel({ ...input, locale: 'en' })
    const { paragraphs, tables } = await readDocx(await writeConsolidatedReportDocx(english))
    expect(paragraphs).toContain('REPORT')
    expect(paragraphs).toContain('Reporting period: Q2 2018; data cut-off from 15/03/2018 to 14/06/2018.')
    expect(tables[0]?.[1]).toEqual(['No.: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND', 'Kiên Giang, 05/07/2018'])
    expect(tables[2]?.at(-1)?.slice(-2)).toEqual(['65%', '49.7%'])
  })
})

describe('writeConsolidatedReportDocx — a report an official signs (Decree 30/2020/NĐ-CP)', () => {
  const BLANK = '\u00a0'.repeat(8)
  /** The body read back as lines: paragraphs, and each table's first cell marking where it stands. */
  const bodyOf = async (bytes: Uint8Array) => readDocx(bytes)

  it('sets the written parts around the tables: results, then limits and causes, next tasks, proposals', async () => {
    const { paragraphs } = await docx()
    const at = (text: string) => paragraphs.indexOf(text)
    expect(
      at(
        'Thực hiện Kế hoạch số 97/KH-UBND ngày 18/05/2018, Ủy ban nhân dân tỉnh Kiên Giang báo cáo kết quả thực hiện Kế hoạch quý II/2018 như sau:',
      ),
    ).toBeGreaterThan(at('BÁO CÁO'))
    const order = [
      'I. KẾT QUẢ THỰC HIỆN',
      '1. Tình hình thực hiện nhiệm vụ',
      '5. Kết quả thực hiện các chỉ tiêu',
      'II. HẠN CHẾ, NGUYÊN NHÂN',
      'III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM KỲ TỚI',
      'IV. KIẾN NGHỊ, ĐỀ XUẤT',
      'Trên đây là báo cáo của Ủy ban nhân dân tỉnh Kiên Giang./.',
    ].map(at)
    expect(order.every((n) => n >= 0)).toBe(true)
    expect(order).toEqual([...order].sort((a, b) => a - b))
  })

  it('leaves a placeholder in italics, in brackets, for each part the planner has not written', async () => {
    const { paragraphs, xml } = await docx()
    const placeholders = paragraphs.filter((p) => p.startsWith('[') && p.endsWith(']'))
    expect(placeholders).toHaveLength(4)
    expect(paragraphs[paragraphs.indexOf('II. HẠN CHẾ, NGUYÊN NHÂN') + 1]).toBe(
      '[Nêu những hạn chế, tồn tại trong kỳ và nguyên nhân (khách quan, chủ quan).]',
    )
    const run = xml.slice(0, xml.indexOf('[Nêu những hạn chế'))
    expect(run.slice(run.lastIndexOf('<w:r>'))).toContain('<w:i/>')
  })

  it('writes the planner’s own texts in place of the placeholders, one paragraph a line', async () => {
    const narrative = {
      results: 'Các sở, ngành đã triển khai 28 nhiệm vụ.\nChỉ số PAPI năm 2017 tăng 2 bậc.',
      limits: 'Một số đơn vị chưa gửi báo cáo đúng hạn do chưa phân công người theo dõi.',
      nextTasks: 'Đôn đốc các đơn vị chưa gửi báo cáo.',
      proposals: 'Đề nghị Bộ Nội vụ tổ chức tập huấn về Chỉ số PAPI.',
    }
    const { paragraphs } = await bodyOf(await writeConsolidatedReportDocx(consolidatedReportModel({ ...input, narrative })))
    expect(paragraphs.filter((p) => p.startsWith('[Nêu'))).toEqual([])
    const after = (heading: string) => paragraphs[paragraphs.indexOf(heading) + 1]
    expect(after('I. KẾT QUẢ THỰC HIỆN')).toBe('Các sở, ngành đã triển khai 28 nhiệm vụ.')
    expect(paragraphs).toContain('Chỉ số PAPI năm 2017 tăng 2 bậc.')
    expect(after('II. HẠN CHẾ, NGUYÊN NHÂN')).toBe(narrative.limits)
    expect(after('III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM KỲ TỚI')).toBe(narrative.nextTasks)
    expect(after('IV. KIẾN NGHỊ, ĐỀ XUẤT')).toBe(narrative.proposals)
  })

  it('closes with "Nơi nhận:" (the ministry over the province, the standing agency, the file copy) and the signature block', async () => {
    const { tables } = await docx()
    expect(tables.at(-1)).toEqual([['Nơi nhận:\n- Bộ Nội vụ;\n- Sở Nội vụ;\n- Lưu: VT.', 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nPhạm Vũ Hồng']])
  })

  it('has a vice-chair sign for the chair when told (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)', async () => {
    const signed = consolidatedReportModel({ ...input, signer: { name: 'Mai Anh Nhịn', deputy: true } })
    const { tables } = await bodyOf(await writeConsolidatedReportDocx(signed))
    expect(tables.at(-1)?.[0]?.[1]).toBe('TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nMai Anh Nhịn')
  })

  it('cites a plan issued without a number by its date, leaves the report’s number blank, and writes the issuer’s name in a sentence as a name', async () => {
    const unnumbered = { ...plan, number: 'Không số', issuer: 'ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG', signer: undefined }
    const { paragraphs, tables, xml } = await bodyOf(
      await writeConsolidatedReportDocx(consolidatedReportModel({ ...input, plan: unnumbered })),
    )
    expect(xml).not.toContain('Không số')
    expect(tables[0]?.[0]?.[0]).toBe('ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\n')
    expect(tables[0]?.[1]?.[0]).toBe(`Số: ${BLANK}/BC-UBND`)
    expect(paragraphs).toContain('Kết quả thực hiện Kế hoạch ngày 18/05/2018 của Ủy ban nhân dân tỉnh Kiên Giang, Quý II/2018')
    expect(paragraphs.filter((p) => p.includes('ỦY BAN NHÂN DÂN'))).toEqual([])
    // No name known: the block keeps the room for the signature and a blank line for the name.
    expect(tables.at(-1)?.[0]?.[1]).toBe('TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n')
  })

  it('takes a department’s symbol, title and superior when it reports on its own', async () => {
    const own = consolidatedReportModel({ ...input, issuer: 'Sở Nội vụ tỉnh Kiên Giang' })
    const { tables, paragraphs } = await bodyOf(await writeConsolidatedReportDocx(own))
    expect(tables[0]?.[0]?.[0]).toBe('UBND TỈNH KIÊN GIANG\nSỞ NỘI VỤ\n')
    expect(tables[0]?.[1]?.[0]).toBe(`Số: ${BLANK}/BC-SNV`)
    expect(paragraphs.at(-2)).toBe('Trên đây là báo cáo của Sở Nội vụ tỉnh Kiên Giang./.')
    expect(tables.at(-1)).toEqual([['Nơi nhận:\n- Ủy ban nhân dân tỉnh Kiên Giang;\n- Lưu: VT.', 'GIÁM ĐỐC\n']])
  })

  it('keeps the figures, not the written parts, in the spreadsheet', async () => {
    const sheet = (await workbook()).worksheets[0] as ExcelJS.Worksheet
    const text = rows(sheet)
      .flat()
      .filter((v): v is string => typeof v === 'string')
    expect(text).toContain('Số liệu tổng hợp đến ngày 05/07/2018.')
    expect(text.filter((t) => t.startsWith('[Nêu') || t === 'Nơi nhận:')).toEqual([])
  })
})

describe('writeConsolidatedReportCsv', () => {
  it('writes one row per task and responsible unit, every column filled', async () => {
    const text = new TextDecoder().decode(await writeConsolidatedReportCsv(model))
    const [header, ...body] = parse(text, { bom: true }) as string[][]
    expect(header).toEqual([
      'Mục',
      'STT',
      'Nhiệm vụ',
      'Thời gian thực hiện',
      'Hạn hoàn thành',
      'Kết quả',
      'Đơn vị',
      'Vai trò',
      'Hạn gửi báo cáo',
      'Báo cáo kỳ này',
      'Ngày gửi',
      'Tình hình thực hiện',
      'Tiến độ (%)',
      'Nội dung báo cáo',
    ])
    const expectedRows = model.sections.flatMap((s) => s.tasks).reduce((n, t) => n + Math.max(1, t.units.length), 0)
    expect(body).toHaveLength(expectedRows)
    expect(body.find((r) => r[1] === '2.5' && r[6] === 'Sở Tài chính')).toEqual([
      '2',
      '2.5',
      'Công khai Bảng giá đất khi được UBND tỉnh ban hành',
      'Thường xuyên',
      '',
      'Chưa đến hạn',
      'Sở Tài chính',
      'Chủ trì',
      '18/06/2018',
      'Trễ hạn',
      '20/06/2018',
      'Đang thực hiện',
      '40',
      'Báo cáo của Sở Tài chính về nhiệm vụ 2.5.',
    ])
  })
})
