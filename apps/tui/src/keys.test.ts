import type { Key } from 'ink'
import { describe, expect, it } from 'vitest'
import { helpEntries, KEYS, keyName, keysIn, lineEdits, matches } from './keys'

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

describe('keysIn', () => {
  const plain = { ctrl: false, meta: false, shift: false, return: false, tab: false, backspace: false } as Key
  it('splits a read of keys typed together into one key each, Enter, Tab and Backspace with their flags', () => {
    expect(keysIn('jj\r', plain).map(([input, key]) => keyName(input, key))).toEqual(['j', 'j', 'return'])
    expect(keysIn('G\t\x7f', plain).map(([input, key]) => keyName(input, key))).toEqual(['G', 'tab', 'backspace'])
    expect(keysIn('jG', plain)[1]![1].shift).toBe(true)
  })
  it('leaves one key, a control key, an escape sequence and text with other controls as they came', () => {
    expect(keysIn('j', plain)).toEqual([['j', plain]])
    expect(keysIn('ab', { ...plain, ctrl: true })).toEqual([['ab', { ...plain, ctrl: true }]])
    expect(keysIn('[B', { ...plain, downArrow: true } as Key)).toHaveLength(1)
    expect(keysIn('a\u0000b', plain)).toEqual([['a\u0000b', plain]])
  })
})
