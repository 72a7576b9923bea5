import { DEFAULT_LOCALE, type Locale } from '@papi/domain'

/**
 * The product language a request asks for: English when `Accept-Language` prefers it over
 * Vietnamese, Vietnamese otherwise (the default everywhere).
 *
 * @example
 * localeOf('en-US,en;q=0.9') // 'en'
 * localeOf(undefined) // 'vi'
 */
export function localeOf(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1 }
    })
    .filter((x) => x.lang === 'vi' || x.lang === 'en')
    .sort((a, b) => b.q - a.q)
  return (ranked[0]?.lang as Locale | undefined) ?? DEFAULT_LOCALE
}
