import { describe, expect, it } from 'vitest'
import { readCsvRows, writeCsvRows } from './csv'

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)

describe('writeCsvRows', () => {
  it('writes UTF-8 with a BOM, CRLF after every row, RFC 4180 quoting', () => {
    expect(
      decode(
        writeCsvRows([
          ['a', 'b, c', 'say "hi"', 'x\ny', 'x\ry'],
          [1.5, undefined, '', 1e-7, { formatted: '20/06/2018' }],
        ]),
      ),
    ).toBe('\ufeffa,"b, c","say ""hi""","x\ny","x\ry"\r\n1.5,,,0.0000001,20/06/2018\r\n')
  })

  it('defuses text that would start a formula, wherever the table comes from; numbers and formatted values stay', () => {
    const text = decode(writeCsvRows([['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', 'an toàn', -1, { formatted: '-10' }]]))
    expect(text).toBe(`\ufeff'=1+1,'+1,'-1,'@SUM(A1),'\t=1,an toàn,-1,-10\r\n`)
  })
})

describe('readCsvRows', () => {
  it('reads back what the writer wrote', () => {
    const rows = [
      ['unit', 'ghi chú'],
      ['KG', 'dòng 1\r\ndòng 2, "trích"'],
    ]
    expect(readCsvRows(decode(writeCsvRows(rows)), { delimiter: ',' })).toEqual(rows)
  })

  it('keeps a stray quote inside an unquoted field, and rows of different lengths', () => {
    expect(readCsvRows('a;b"c\nd', { delimiter: ';' })).toEqual([['a', 'b"c'], ['d']])
  })
})
