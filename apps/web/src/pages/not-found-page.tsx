import { A } from '@solidjs/router'
import { useI18n } from '../i18n/i18n-context'

export function NotFoundPage() {
  const { t } = useI18n()
  return (
    <section class="page">
      <h1>{t('common.notFound')}</h1>
      <p>
        <A href="/">{t('common.backHome')}</A>
      </p>
    </section>
  )
}
