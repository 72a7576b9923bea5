import { DEFAULT_LOCALE, LocaleSchema, type Locale } from '@papi/domain'
import { createMiddleware } from 'hono/factory'
import { languageDetector } from 'hono/language'
import type { AppEnv } from './app-env'

/**
 * Sets `c.var.locale`, the product language a request asks for: the first of its
 * `Accept-Language` ranges (by quality) that is Vietnamese or English (`en-GB` counts as `en`),
 * Vietnamese otherwise. hono's language detector reads the header; nothing is cached in a cookie,
 * the header decides each request.
 *
 * @example
 * app.use(localeFromHeader()) // 'en-US,en;q=0.9' → 'en'; no header, or 'fr' → 'vi'
 */
export function localeFromHeader() {
  const detect = languageDetector({
    order: ['header'],
    supportedLanguages: [...LocaleSchema.options],
    fallbackLanguage: DEFAULT_LOCALE,
    caches: false,
  })
  return createMiddleware<AppEnv & { Variables: { language: string } }>((c, next) =>
    detect(c, async () => {
      c.set('locale', c.get('language') as Locale)
      await next()
    }),
  )
}
