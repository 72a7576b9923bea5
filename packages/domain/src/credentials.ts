import type { Locale } from './label'

// Rules for passwords and log-in attempts, after OWASP ASVS 4.0.3 level 2, chapter V2
// (https://github.com/OWASP/ASVS/blob/v4.0.3/4.0/en/0x11-V2-Authentication.md): 2.1.1 at least
// 12 characters, 2.1.2 up to 128 allowed, 2.1.7 not a known breached or common password,
// 2.1.9 no composition rules, 2.2.1 anti-automation that does not let anyone lock the owner out.

/** Fewest characters (Unicode code points, after NFC) a password may have: ASVS 2.1.1. */
export const PASSWORD_MIN_LENGTH = 12
/** Most characters a password may have: ASVS 2.1.2 asks that 64 or more be allowed. */
export const PASSWORD_MAX_LENGTH = 128

/** Why a password is refused. */
export type PasswordProblem = 'too-short' | 'too-long' | 'control-character' | 'blank' | 'repeated' | 'common' | 'username'

/** What a password is checked against besides its own characters. */
export interface PasswordContext {
  /** The account's user name: a password that is or contains it is refused. */
  username?: string
  /** Whether a (lower-case, NFC) password is on a list of common or breached passwords. */
  isCommon?: (password: string) => boolean
}

/**
 * Why a password may not be used, empty when it may. Length counts code points after NFC, so
 * "mật khẩu" counts as 8 whichever way the keyboard composed it. No composition rules (ASVS
 * 2.1.9): a long phrase of words is fine.
 *
 * @example
 * passwordProblems('12345678') // ['too-short', 'common']
 * passwordProblems('hoa sen nở trên hồ tây') // []
 * passwordProblems('planner-planner', { username: 'planner' }) // ['username']
 */
export function passwordProblems(password: string, context: PasswordContext = {}): PasswordProblem[] {
  const text = password.normalize('NFC')
  const length = [...text].length
  const lower = text.toLowerCase()
  const problems: PasswordProblem[] = []
  if (length < PASSWORD_MIN_LENGTH) problems.push('too-short')
  if (length > PASSWORD_MAX_LENGTH) problems.push('too-long')
  // NUL and other control characters: invisible, and cut short by some systems (C strings).
  if (/\p{Cc}/u.test(text)) problems.push('control-character')
  if (text.trim() === '') problems.push('blank')
  else if (new Set(lower).size === 1) problems.push('repeated')
  if (context.isCommon?.(lower) || context.isCommon?.(lower.replace(/\d+$/, ''))) problems.push('common')
  const username = context.username?.normalize('NFC').toLowerCase().trim()
  if (username && username.length >= 3 && lower.includes(username)) problems.push('username')
  return problems
}

/** Each problem in both product languages (Vietnamese first). */
export const PASSWORD_PROBLEM_TEXT: Readonly<Record<PasswordProblem, Record<Locale, string>>> = {
  'too-short': {
    vi: `Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự; một câu ngắn dễ nhớ là tốt nhất.`,
    en: `A password needs at least ${PASSWORD_MIN_LENGTH} characters; a short sentence is easiest to remember.`,
  },
  'too-long': {
    vi: `Mật khẩu dài tối đa ${PASSWORD_MAX_LENGTH} ký tự.`,
    en: `A password has at most ${PASSWORD_MAX_LENGTH} characters.`,
  },
  'control-character': {
    vi: 'Mật khẩu không được chứa ký tự điều khiển.',
    en: 'A password may not contain control characters.',
  },
  blank: { vi: 'Mật khẩu không được chỉ có khoảng trắng.', en: 'A password may not be only spaces.' },
  repeated: { vi: 'Mật khẩu không được lặp lại một ký tự.', en: 'A password may not repeat one character.' },
  common: {
    vi: 'Mật khẩu này quá phổ biến và dễ bị đoán; hãy chọn mật khẩu khác.',
    en: 'This password is too common and easily guessed; choose another.',
  },
  username: {
    vi: 'Mật khẩu không được chứa tên đăng nhập.',
    en: 'A password may not contain the user name.',
  },
}

/** How log-in failures under one key (an account, an address) slow further attempts down. */
export interface LoginThrottle {
  /** Failures allowed without any wait. */
  freeFailures: number
  /** The wait after the first failure beyond the free ones; it doubles with each further one. */
  firstDelayMs: number
  /** The longest wait: the owner of an account under attack is never kept out longer. */
  maxDelayMs: number
}

/**
 * Per account: three free tries, then 2 s, 4 s, 8 s … up to one minute between attempts. A
 * guesser gets about 15 tries in 15 minutes; the real owner waits a minute at worst.
 */
export const ACCOUNT_THROTTLE: LoginThrottle = { freeFailures: 3, firstDelayMs: 2_000, maxDelayMs: 60_000 }

/**
 * Per client address: more free tries, since an office or a reverse proxy puts many people
 * behind one address, and the same one-minute ceiling so none of them is kept out for long.
 */
export const ADDRESS_THROTTLE: LoginThrottle = { freeFailures: 20, firstDelayMs: 1_000, maxDelayMs: 60_000 }

/**
 * How long to wait (ms, 0 for none) before the next log-in attempt under a key, given the key's
 * failures within the counting window and when the last of them happened. A success does not
 * reset the count: an attacker's own good log-ins must not buy more guesses at someone else's.
 *
 * @example
 * loginWait({ failures: 3, lastFailureAt: 0 }, 0, ACCOUNT_THROTTLE) // 0
 * loginWait({ failures: 4, lastFailureAt: 0 }, 500, ACCOUNT_THROTTLE) // 1500
 * loginWait({ failures: 50, lastFailureAt: 0 }, 0, ACCOUNT_THROTTLE) // 60000
 */
export function loginWait(recent: { failures: number; lastFailureAt: number | undefined }, now: number, throttle: LoginThrottle): number {
  const excess = recent.failures - throttle.freeFailures
  if (excess <= 0 || recent.lastFailureAt === undefined) return 0
  const delay = Math.min(throttle.maxDelayMs, throttle.firstDelayMs * 2 ** Math.min(excess - 1, 30))
  return Math.max(0, recent.lastFailureAt + delay - now)
}
