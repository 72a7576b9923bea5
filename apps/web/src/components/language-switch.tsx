import { LocaleSchema, type Locale } from '@papi/domain'
import { For } from 'solid-js'
import { useI18n } from '../i18n/i18n-context'

/** Vietnamese / English, remembered per user. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n()
  return (
    <label class="lang">
      <span class="sr-only">{t('lang.label')}</span>
      <select
        value={locale()}
        onChange={(e) => setLocale(e.currentTarget.value as Locale)}
        aria-label={t('lang.label')}
        data-testid="language"
      >
        <For each={LocaleSchema.options}>
          {(l) => (
            <option value={l} selected={l === locale()}>
              {t(l === 'vi' ? 'lang.vi' : 'lang.en')}
            </option>
          )}
        </For>
      </select>
    </label>
  )
}
