import { describe, expect, it } from 'vitest'
import { wrapLabel } from './wrap-label'

describe('wrapLabel', () => {
  it.each([
    ['Kiểm soát tham nhũng trong khu vực công', 16, ['Kiểm soát tham', 'nhũng trong khu', 'vực công']],
    ['Thủ tục hành chính công', 30, ['Thủ tục hành chính công']],
    ['Quản trị môi trường', 8, ['Quản trị', 'môi', 'trường']],
    ['  Công   khai, minh bạch ', 12, ['Công khai,', 'minh bạch']],
    ['E-governance', 4, ['E-governance']],
    ['', 10, []],
  ])('wraps %j at %d characters', (text, width, lines) => {
    expect(wrapLabel(text, width)).toEqual(lines)
  })
})
