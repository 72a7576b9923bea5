import { describe, expect, it } from 'vitest'
import { foldText, stripDiacritics } from './text'

describe('stripDiacritics', () => {
  it.each([
    ['Sở Nội vụ', 'So Noi vu'],
    ['ĐỒNG THÁP', 'DONG THAP'],
    ['Thừa Thiên Huế', 'Thua Thien Hue'],
    ['Thường xuyên'.normalize('NFD'), 'Thuong xuyen'],
  ])('reads %s as %s', (text, expected) => expect(stripDiacritics(text)).toBe(expected))
})

describe('foldText', () => {
  it.each([
    ['Công khai, minh bạch', 'cong khai minh bach'],
    ['Sở Lao động - Thương binh và Xã hội', 'so lao dong thuong binh va xa hoi'],
    ['  Đơn vị (Cơ quan) chủ trì ', 'don vi co quan chu tri'],
    ['Quý II, III năm 2018', 'quy ii iii nam 2018'],
  ])('folds %s to %s', (text, expected) => expect(foldText(text)).toBe(expected))

  it('treats NFC and NFD input alike', () => {
    expect(foldText('Kiểm soát tham nhũng'.normalize('NFD'))).toBe(foldText('Kiểm soát tham nhũng'.normalize('NFC')))
  })
})
