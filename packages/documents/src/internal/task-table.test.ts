import { describe, expect, it } from 'vitest'
import type { SourceTable } from './document-content'
import { columnOf, readTaskTables } from './task-table'

const table = (rows: string[][]): SourceTable => ({ rows: rows.map((cells, i) => ({ cells, source: { row: i + 1 } })) })
const shape = (tables: SourceTable[]) =>
  readTaskTables(tables)?.map((s) => ({
    section: `${s.code} ${s.title}`,
    tasks: s.tasks.map((t) => [
      t.code,
      t.title,
      t.lead.map((a) => a.text).join('; '),
      t.coordinators.map((a) => a.text).join('; '),
      t.time,
    ]),
  }))

describe('columnOf', () => {
  it.each<[string, string]>([
    ['STT', 'code'],
    ['TT', 'code'],
    ['Nhiệm vụ trọng tâm', 'title'],
    ['Nội dung công việc', 'title'],
    ['Đơn vị chủ trì', 'lead'],
    ['Đơn vị (Cơ quan) chủ trì', 'lead'],
    ['Cơ quan, đơn vị phối hợp', 'coordinators'],
    ['Thời gian thực hiện', 'time'],
    ['Thời hạn hoàn thành', 'time'],
    ['Ghi chú', 'other'],
  ])('%j holds the %s', (header, column) => {
    expect(columnOf(header)).toBe(column)
  })
})

describe('readTaskTables', () => {
  it('reads Roman sections with tasks numbered from 1 in each, prefixing the codes', () => {
    expect(
      shape([
        table([
          ['TT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian'],
          ['I', 'THAM GIA CỦA NGƯỜI DÂN', '', '', ''],
          ['1', 'Tuyên truyền', 'Sở Nội vụ', '', 'Thường xuyên'],
          ['II', 'CÔNG KHAI, MINH BẠCH', '', '', ''],
          ['1', 'Công khai ngân sách', 'UBND cấp xã', 'MTTQ', 'Quý II'],
        ]),
      ]),
    ).toEqual([
      { section: 'I THAM GIA CỦA NGƯỜI DÂN', tasks: [['I.1', 'Tuyên truyền', 'Sở Nội vụ', '', 'Thường xuyên']] },
      { section: 'II CÔNG KHAI, MINH BẠCH', tasks: [['II.1', 'Công khai ngân sách', 'UBND cấp xã', 'MTTQ', 'Quý II']] },
    ])
  })

  it('reads a two-row header ("Đơn vị thực hiện" over "Chủ trì" | "Phối hợp") and skips the column numbers', () => {
    expect(
      shape([
        table([
          ['STT', 'Nhiệm vụ', 'Đơn vị thực hiện', '', 'Thời gian thực hiện', 'Ghi chú'],
          ['STT', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời gian thực hiện', 'Ghi chú'],
          ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
          ['1. Tham gia của người dân ở cấp cơ sở', '', '', '', '', ''],
          ['1.1', 'Tuyên truyền', 'Sở Nội vụ', 'Sở Tư pháp', 'Quý III năm 2018', 'x'],
        ]),
      ]),
    ).toEqual([
      { section: '1 Tham gia của người dân ở cấp cơ sở', tasks: [['1.1', 'Tuyên truyền', 'Sở Nội vụ', 'Sở Tư pháp', 'Quý III năm 2018']] },
    ])
  })

  it('puts tasks that come before any section row in one section of their own', () => {
    const sections = readTaskTables([
      table([
        ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian'],
        ['1', 'Rà soát TTHC', 'Các sở, ban, ngành', 'Thường xuyên'],
        ['2', 'Khảo sát SIPAS', 'Sở Nội vụ', 'Quý III năm 2024'],
      ]),
    ])
    expect(sections).toHaveLength(1)
    expect(sections?.[0]).toMatchObject({ code: '1', implicit: true })
    expect(sections?.[0]?.tasks.map((t) => t.code)).toEqual(['1', '2'])
  })

  it('ignores a header repeated on a new page and joins a task split over rows', () => {
    expect(
      shape([
        table([
          ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian'],
          ['1', 'Công khai', '', '', ''],
          ['1.1', 'Công khai ngân sách', 'UBND cấp xã', 'MTTQ', 'Quý II năm 2018'],
          ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian'],
          ['1.1', 'Công khai ngân sách', 'UBND cấp huyện', '', ''],
        ]),
      ]),
    ).toEqual([
      {
        section: '1 Công khai',
        tasks: [['1.1', 'Công khai ngân sách', 'UBND cấp xã; UBND cấp huyện', 'MTTQ', 'Quý II năm 2018']],
      },
    ])
  })

  it('answers undefined when no table is a task table', () => {
    expect(readTaskTables([table([['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']])])).toBeUndefined()
  })
})
