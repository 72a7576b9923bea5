import { describe, expect, it } from 'vitest'
import { normalizeText } from './normalize-text'

describe('normalizeText', () => {
  it.each<[string, string, string]>([
    ['composes NFD into NFC', 'Ke\u0302\u0301 hoa\u0323ch', 'Kế hoạch'],
    ['turns CRLF and CR into LF', 'a\r\nb\rc', 'a\nb\nc'],
    ['turns non-breaking spaces and tabs into spaces', 'Sở\u00a0Nội\tvụ', 'Sở Nội vụ'],
    ['drops zero-width characters and soft hyphens', 'Sở\u200b Nội\u00ad vụ\ufeff', 'Sở Nội vụ'],
    ['collapses runs of spaces and trims lines', '  Số:   97/KH-UBND  ', 'Số: 97/KH-UBND'],
    ['keeps empty lines (they separate table cells)', 'STT\n\n\u00a0\n\nNhiệm vụ', 'STT\n\n\n\nNhiệm vụ'],
    [
      'removes Markdown emphasis left by copy-paste',
      '**TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH**\n(*kèm theo*)',
      'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(kèm theo)',
    ],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected)
  })
})
