import { describe, expect, it } from 'vitest'
import { writeCsv } from './csv-writer'
import type { TableSpec } from './layout'

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)

function table(cells: TableSpec['rows'][number]['cells']): TableSpec {
  return { sheetName: 't', columns: cells.map((_, i) => ({ header: `c${i}`, width: 10 })), rows: [{ kind: 'item', cells }] }
}

describe('writeCsv', () => {
  it('quotes a field holding a comma, a quote or a line break, doubling quotes (RFC 4180)', () => {
    const text = decode(writeCsv(table(['Sở Nội vụ, UBND cấp huyện', 'Kế hoạch "97"', 'dòng 1\ndòng 2', 'trơn']), 'vi'))
    expect(text).toBe('\ufeffc0,c1,c2,c3\r\n"Sở Nội vụ, UBND cấp huyện","Kế hoạch ""97""","dòng 1\ndòng 2",trơn\r\n')
  })

  it('writes dates dd/mm/yyyy and numbers with the locale’s decimal mark, percentages without the sign', () => {
    const cells = [{ date: '2018-06-20' }, { percent: 33.333 }, { count: 1250 }] as const
    expect(decode(writeCsv(table([...cells]), 'vi')).split('\r\n')[1]).toBe('20/06/2018,"33,3",1250')
    expect(decode(writeCsv(table([...cells]), 'en')).split('\r\n')[1]).toBe('20/06/2018,33.3,1250')
  })

  it('defuses text Excel would run as a formula (a narrative typed by a unit officer)', () => {
    const text = decode(writeCsv(table(['=HYPERLINK("http://x")', '+1', '@SUM(A1)', 'an toàn']), 'vi'))
    expect(text.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"")",'+1,'@SUM(A1),an toàn`)
  })

  it('leaves a negative number alone: only text is defused', () => {
    expect(decode(writeCsv(table([{ percent: -10 }]), 'vi')).split('\r\n')[1]).toBe('-10')
  })
})
