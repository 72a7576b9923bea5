import { describe, expect, it } from 'vitest'
import { labelText } from './label'

describe('labelText', () => {
  const ongoing = { vi: 'Thường xuyên', en: 'Ongoing' }
  it('answers in Vietnamese by default', () => expect(labelText(ongoing)).toBe('Thường xuyên'))
  it('answers in English when asked', () => expect(labelText(ongoing, 'en')).toBe('Ongoing'))
})
