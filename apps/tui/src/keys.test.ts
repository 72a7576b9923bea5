import type { Key } from 'ink'
import { describe, expect, it } from 'vitest'
import { helpEntries, KEYS, keyName, matches } from './keys'

const key = (over: Partial<Key> = {}) => ({ ...over }) as Key

describe('keys', () => {
  it.each([
    ['', { upArrow: true }, 'up'],
    ['', { pageDown: true }, 'pagedown'],
    ['c', { ctrl: true }, 'ctrl+c'],
    ['', { tab: true, shift: true }, 'shift+tab'],
    ['', { escape: true }, 'escape'],
    ['n', {}, 'n'],
  ])('names %j %j as %s', (input, over, name) => expect(keyName(input, key(over))).toBe(name))

  it('binds quit to Ctrl-C and filter to /', () => {
    expect(matches(KEYS.global.quit, 'c', key({ ctrl: true }))).toBe(true)
    expect(matches(KEYS.list.filter, '/', key())).toBe(true)
  })

  it('uses each key once per screen, together with the list and global keys', () => {
    const shared = [...Object.values(KEYS.global), ...Object.values(KEYS.list)].flatMap((b) => b.keys)
    for (const group of ['units', 'users', 'plans', 'periods', 'reporting', 'scores', 'audit', 'backup'] as const) {
      const own = Object.values(KEYS[group]).flatMap((b) => b.keys)
      expect(new Set(own).size, group).toBe(own.length)
      expect(
        own.filter((k) => shared.includes(k)),
        group,
      ).toEqual([])
    }
  })

  it('lists the help in the user’s language', () => {
    expect(helpEntries(KEYS.units, 'vi')).toContain('n tạo')
    expect(helpEntries(KEYS.units, 'en')).toContain('d delete')
  })
})
