import { describe, expect, it } from 'vitest'
import { textContent } from './text-layout'

const cells = (...lines: string[]) => lines.join('\n\n')
/** A five-column task table's header, then its section "1. A", as the portal pastes them: one cell per line. */
const table = (...rows: string[]) => cells('STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian', '1', 'A', ...rows)

describe('textContent', () => {
  it('turns a table pasted one cell per line into rows', () => {
    const text = cells(
      'PHỤ LỤC',
      'STT',
      'Nhiệm vụ',
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
      'Thời gian thực hiện',
      '1',
      'Công khai, minh bạch',
      '1.1',
      'Công khai ngân sách',
      'UBND cấp xã',
      'MTTQ',
      'Quý II năm 2018',
      'Đã xem:',
      'Đánh giá:',
    )
    expect(textContent(text).tables[0]?.rows.map((r) => r.cells)).toEqual([
      ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện'],
      ['1', 'Công khai, minh bạch', '', '', ''],
      ['1.1', 'Công khai ngân sách', 'UBND cấp xã', 'MTTQ', 'Quý II năm 2018'],
    ])
  })

  it('places an empty cell where the portal left a line with only a non-breaking space', () => {
    const text = table('1.1', 'B', 'Sở Nội vụ', '\u00a0', 'Thường xuyên')
    expect(textContent(text).tables[0]?.rows[2]?.cells).toEqual(['1.1', 'B', 'Sở Nội vụ', '', 'Thường xuyên'])
  })

  it('without that hint, takes the cell before a time to be the missing one', () => {
    const withTime = table('1.1', 'B', 'Sở Nội vụ', 'Quý II năm 2018', '1.2', 'C', 'Sở Y tế', 'Sở Tài chính', 'Thường xuyên')
    expect(textContent(withTime).tables[0]?.rows[2]?.cells).toEqual(['1.1', 'B', 'Sở Nội vụ', '', 'Quý II năm 2018'])
    const noTime = table('1.1', 'B', 'Sở Nội vụ', 'Sở Y tế', '1.2', 'C', 'Sở Y tế', 'Sở Tài chính', 'Thường xuyên')
    expect(textContent(noTime).tables[0]?.rows[2]?.cells).toEqual(['1.1', 'B', 'Sở Nội vụ', 'Sở Y tế', ''])
  })

  it('keeps every non-empty line, with its line number, for the header and prose readers', () => {
    expect(textContent('Số: 97/KH-UBND\r\n\r\nKiên Giang, ngày 18 tháng 05 năm 2018').lines).toEqual([
      { text: 'Số: 97/KH-UBND', source: { line: 1 } },
      { text: 'Kiên Giang, ngày 18 tháng 05 năm 2018', source: { line: 3 } },
    ])
  })
})
