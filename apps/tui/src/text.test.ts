import { describe, expect, it } from 'vitest'
import { fit, widthOf } from './text'

describe('fit', () => {
  it.each([
    ['pads by display width', 'Kiên', 6, 'Kiên  '],
    ['counts NFD combining marks as no width', 'Kie\u0302n', 6, 'Kiên  '],
    ['cuts with an ellipsis', 'UBND tỉnh Kiên Giang', 8, 'UBND tỉ…'],
    ['measures wide characters as two columns', '漢字abc', 4, '漢… '],
  ])('%s', (_, text, width, expected) => {
    expect(fit(text, width)).toBe(expected)
    expect(widthOf(fit(text, width))).toBe(width)
  })
})
