import { render } from '@solidjs/testing-library'
import type { JSX } from 'solid-js'
import type { Locale } from '@papi/domain'
import { I18nProvider } from '../i18n/i18n-context'
import type { KeyValueStorage } from '../i18n/locale-store'

/** A storage that forgets: tests never share a language choice. */
export function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>()
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) }
}

/** Renders inside the i18n provider, in Vietnamese unless told otherwise. */
export function renderWithI18n(ui: () => JSX.Element, locale: Locale = 'vi'): ReturnType<typeof render> {
  return render(() => (
    <I18nProvider storage={memoryStorage()} initial={locale}>
      {ui()}
    </I18nProvider>
  ))
}
