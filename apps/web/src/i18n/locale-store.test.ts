import { describe, expect, it } from 'vitest'
import { loadLocale, saveLocale, type KeyValueStorage } from './locale-store'

const memory = (): KeyValueStorage => {
  const map = new Map<string, string>()
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) }
}

describe('loadLocale', () => {
  it('is Vietnamese when nothing is remembered', () => {
    expect(loadLocale(memory(), 'u-1')).toBe('vi')
    expect(loadLocale(undefined)).toBe('vi')
  })
  it('remembers the language per user', () => {
    const s = memory()
    saveLocale(s, 'en', 'u-1')
    saveLocale(s, 'vi', 'u-2')
    expect(loadLocale(s, 'u-1')).toBe('en')
    expect(loadLocale(s, 'u-2')).toBe('vi')
  })
  it("falls back to the browser's last choice for a user who never chose", () => {
    const s = memory()
    saveLocale(s, 'en')
    expect(loadLocale(s, 'u-3')).toBe('en')
  })
  it('ignores a value that is not a product language', () => {
    const s = memory()
    s.setItem('papi.locale', 'fr')
    expect(loadLocale(s)).toBe('vi')
  })
})
