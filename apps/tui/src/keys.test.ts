import type { Key } from 'ink'
import { describe, expect, it } from 'vitest'
import { helpEntries, KEYS, keyName, lineEdits, matches } from './keys'

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

  // A prompt and a list's filter read keys the same way, one key or a burst of them read at once.
  it.each([
    ['', { return: true }, [{ type: 'submit' }]],
    ['', { escape: true }, [{ type: 'cancel' }]],
    ['', { backspace: true }, [{ type: 'erase' }]],
    ['u', { ctrl: true }, [{ type: 'clear' }]],
    ['Kiên', {}, [{ type: 'type', text: 'Kiên' }]],
    ['\x7f\x7f', {}, [{ type: 'erase' }, { type: 'erase' }]],
    ['adx\x7fm\rzz', {}, [{ type: 'type', text: 'adx' }, { type: 'erase' }, { type: 'type', text: 'm' }, { type: 'submit' }]],
    ['', { upArrow: true }, []],
    ['', { tab: true }, []],
  ])('reads %j %j as the line edits %j', (input, over, edits) => expect(lineEdits(input, key(over))).toEqual(edits))

  it('lists the help in the user’s language', () => {
    expect(helpEntries(KEYS.units, 'vi')).toContain('n tạo')
    expect(helpEntries(KEYS.units, 'en')).toContain('d delete')
  })
})
