import { describe, expect, it } from 'vitest'
import { attachment } from './content-disposition'

describe('attachment', () => {
  it('names the file in ASCII and, percent-encoded, in UTF-8', () => {
    expect(attachment({ ascii: 'bao-cao-97-KH-UBND-2018Q2.xlsx', unicode: 'Báo cáo 97-KH-UBND 2018Q2.xlsx' })).toBe(
      `attachment; filename="bao-cao-97-KH-UBND-2018Q2.xlsx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%2097-KH-UBND%202018Q2.xlsx`,
    )
  })

  it('encodes the characters RFC 5987 does not allow bare, and keeps the fallback a plain quoted string', () => {
    expect(attachment({ ascii: 'a"b\\c-ạ.csv', unicode: "Kế hoạch (bản 2)'*.csv" })).toBe(
      `attachment; filename="a_b_c-_.csv"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20%28b%E1%BA%A3n%202%29%27%2A.csv`,
    )
  })

  it('reads back to the same name', () => {
    const unicode = 'Biểu tổng hợp nhiệm vụ 97-KH-UBND.docx'
    const value = attachment({ ascii: 'bieu.docx', unicode })
    expect(decodeURIComponent(value.split("UTF-8''")[1] as string)).toBe(unicode)
  })
})
