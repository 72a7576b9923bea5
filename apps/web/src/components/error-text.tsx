import { Show } from 'solid-js'
import { ApiError, NETWORK_ERROR_STATUS } from '../api/api-error'
import { useI18n } from '../i18n/i18n-context'

/**
 * An error next to what caused it. API errors carry their message in the user's language
 * (the API reads Accept-Language); a lost connection gets the dashboard's own words.
 */
export function ErrorText(props: { error: unknown; id?: string }) {
  const { t } = useI18n()
  const text = () => {
    const e = props.error
    if (e === undefined || e === null) return undefined
    if (e instanceof ApiError) return e.status === NETWORK_ERROR_STATUS ? t('common.networkError') : e.message
    return e instanceof Error ? e.message : String(e)
  }
  return (
    <Show when={text()}>
      <p class="error" role="alert" id={props.id}>
        {text()}
      </p>
    </Show>
  )
}
