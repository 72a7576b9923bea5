import { useI18n } from '../i18n/i18n-context'

/** What a page shows while its data loads: never a blank screen. */
export function Loading(props: { label?: string }) {
  const { t } = useI18n()
  return (
    <div class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {props.label ?? t('common.loading')}
    </div>
  )
}
