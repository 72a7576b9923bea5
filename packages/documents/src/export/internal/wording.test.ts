import { describe, expect, it } from 'vitest'
import { percentWords } from './wording'

describe('percentWords', () => {
  it('rounds to one decimal and writes the locale’s decimal mark', () => {
    expect(percentWords(33.3333, 'vi')).toBe('33,3%')
    expect(percentWords(100, 'vi')).toBe('100%')
    expect(percentWords(49.65, 'en')).toBe('49.7%')
    expect(percentWords(null, 'vi')).toBe('—')
  })
})
