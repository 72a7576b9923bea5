/**
 * Vietnamese text comparison: the one place diacritics are folded, so matching unit names,
 * dimension titles, table headers and search boxes all agree on what "the same words" means.
 */

/**
 * Removes Vietnamese diacritics, keeping case ("Đ" → "D", "đ" → "d"). Input may be NFC or NFD.
 *
 * @example
 * stripDiacritics('Sở Nội vụ Đồng Tháp') // 'So Noi vu Dong Thap'
 */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
}

/**
 * A comparison key: lower case, no diacritics, every run of punctuation or space as one space.
 *
 * @example
 * foldText('  Công khai, minh bạch ') // 'cong khai minh bach'
 * foldText('ĐỊNH KỲ hằng quý') === foldText('định kỳ Hằng Quý') // true
 */
export function foldText(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}
