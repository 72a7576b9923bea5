import { DEFAULT_LOCALE, type Locale } from '@papi/domain'
import { createContext, createEffect, createSignal, on, useContext, type Accessor, type ParentProps } from 'solid-js'
import { loadLocale, saveLocale, type KeyValueStorage } from './locale-store'
import { MESSAGES, type MessageKey } from './messages'
import { interpolate, type MessageParams } from './translate'

export interface I18n {
  locale: Accessor<Locale>
  /** Switches the language and remembers it for the signed-in user. */
  setLocale: (locale: Locale) => void
  t: (key: MessageKey, params?: MessageParams) => string
}

const I18nContext = createContext<I18n>()

function browserStorage(): KeyValueStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}

/**
 * The UI language: Vietnamese by default, remembered per user in localStorage. `userId` is read
 * reactively, so signing in as another user switches to that user's language.
 */
export function I18nProvider(props: ParentProps<{ userId?: Accessor<string | undefined>; storage?: KeyValueStorage; initial?: Locale }>) {
  const storage = props.storage ?? browserStorage()
  const userId = () => props.userId?.()
  const [locale, setLocaleSignal] = createSignal<Locale>(props.initial ?? loadLocale(storage, userId()))

  createEffect(on(userId, (id) => setLocaleSignal(loadLocale(storage, id)), { defer: true }))
  createEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = locale()
  })

  const value: I18n = {
    locale,
    setLocale(next) {
      saveLocale(storage, next, userId())
      setLocaleSignal(next)
    },
    t: (key, params) => interpolate(MESSAGES[locale()][key] ?? MESSAGES[DEFAULT_LOCALE][key] ?? key, params, locale()),
  }
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext)
  if (ctx === undefined) throw new Error('useI18n outside <I18nProvider>')
  return ctx
}
