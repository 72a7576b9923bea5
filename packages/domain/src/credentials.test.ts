import { describe, expect, it } from 'vitest'
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, loginWait, passwordProblems, type PasswordProblem } from './credentials'

const COMMON = new Set(['password', '12345678', 'qwerty123456', '123456789012'])
const isCommon = (p: string) => COMMON.has(p)

describe('passwordProblems (OWASP ASVS 2.1)', () => {
  it.each<[string, string, PasswordProblem[]]>([
    ['12345678 is short and common', '12345678', ['too-short', 'common']],
    ['eight spaces', ' '.repeat(8), ['too-short', 'blank']],
    ['twelve spaces', ' '.repeat(12), ['blank']],
    ['password', 'password', ['too-short', 'common']],
    ['a common password with digits appended', 'password2018', ['common']],
    ['a NUL', `hoa-sen-no-tren\u0000`, ['control-character']],
    ['one character repeated', 'aaaaaaaaaaaaaa', ['repeated']],
    ['the user name inside', 'planner-2018-xyz', ['username']],
    ['a sentence', 'hoa sen nở trên hồ tây', []],
    ['over 128 characters', 'x1'.repeat(65), ['too-long']],
  ])('%s', (_case, password, expected) => {
    expect(passwordProblems(password, { username: 'planner', isCommon })).toEqual(expected)
  })

  it('counts characters after NFC: a decomposed Vietnamese password is no longer than a composed one', () => {
    const composed = 'mật khẩu tỉnh'
    expect(passwordProblems(composed.normalize('NFD'))).toEqual(passwordProblems(composed))
    expect(passwordProblems(composed)).toEqual([])
  })
})

describe('loginWait', () => {
  it('lets the free failures through without a wait', () => {
    expect(loginWait({ failures: 3, lastFailureAt: 1000 }, 1000, ACCOUNT_THROTTLE)).toBe(0)
  })

  it('doubles the wait with each further failure, counted from the last one', () => {
    expect([4, 5, 6, 7].map((failures) => loginWait({ failures, lastFailureAt: 0 }, 0, ACCOUNT_THROTTLE))).toEqual([
      2_000, 4_000, 8_000, 16_000,
    ])
    expect(loginWait({ failures: 4, lastFailureAt: 0 }, 1_500, ACCOUNT_THROTTLE)).toBe(500)
    expect(loginWait({ failures: 4, lastFailureAt: 0 }, 2_000, ACCOUNT_THROTTLE)).toBe(0)
  })

  it('never keeps the owner out more than a minute, however many guesses an attacker made', () => {
    expect(loginWait({ failures: 10_000, lastFailureAt: 0 }, 0, ACCOUNT_THROTTLE)).toBe(60_000)
    expect(loginWait({ failures: 10_000, lastFailureAt: 0 }, 0, ADDRESS_THROTTLE)).toBe(60_000)
  })

  it('allows many more failures behind one address (an office, a reverse proxy) before slowing it', () => {
    expect(loginWait({ failures: 20, lastFailureAt: 0 }, 0, ADDRESS_THROTTLE)).toBe(0)
    expect(loginWait({ failures: 21, lastFailureAt: 0 }, 0, ADDRESS_THROTTLE)).toBe(1_000)
  })
})
