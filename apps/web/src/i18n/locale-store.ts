import { DEFAULT_LOCALE, LocaleSchema, type Locale } from '@papi/domain'

/** The part of `localStorage` the language memory needs (so tests pass a Map-backed fake). */
export interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

const KEY = 'papi.locale'

/** Storage key of a user's language; the anonymous key is the language of the sign-in page. */
export function localeKey(userId?: string): string {
  return userId === undefined ? KEY : `${KEY}.${userId}`
}

/**
 * The language remembered for a user, else the one last used on this browser, else Vietnamese.
 *
 * @example
 * loadLocale(storage, 'u-1') // 'en' after saveLocale(storage, 'en', 'u-1')
 */
export function loadLocale(storage: KeyValueStorage | undefined, userId?: string): Locale {
  const read = (key: string) => LocaleSchema.safeParse(safeGet(storage, key))
  if (userId !== undefined) {
    const own = read(localeKey(userId))
    if (own.success) return own.data
  }
  const last = read(localeKey())
  return last.success ? last.data : DEFAULT_LOCALE
}

/** Remembers a language for a user and as this browser's last choice. */
export function saveLocale(storage: KeyValueStorage | undefined, locale: Locale, userId?: string): void {
  try {
    storage?.setItem(localeKey(), locale)
    if (userId !== undefined) storage?.setItem(localeKey(userId), locale)
  } catch {
    // Private browsing or a full quota: the choice lasts for this page only.
  }
}

function safeGet(storage: KeyValueStorage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null
  } catch {
    return null
  }
}
