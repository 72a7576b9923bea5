import { Match, Switch, type JSX, type Resource } from 'solid-js'
import { useI18n } from '../i18n/i18n-context'
import { ErrorText } from './error-text'
import { Loading } from './loading'

/**
 * A resource's three faces: loading (a visible state, never a blank), failed (the API's message
 * and a retry), ready (the children, kept on screen during a refetch).
 */
export function Async<T>(props: { of: Resource<T>; retry?: () => void; loadingLabel?: string; children: (value: T) => JSX.Element }) {
  const { t } = useI18n()
  return (
    <Switch>
      <Match when={props.of.state === 'errored'}>
        <div>
          <ErrorText error={props.of.error} />
          {props.retry && (
            <button type="button" onClick={() => props.retry?.()}>
              {t('common.retry')}
            </button>
          )}
        </div>
      </Match>
      <Match when={props.of.state === 'ready' || props.of.state === 'refreshing'}>{props.children(props.of.latest as T)}</Match>
      <Match when={true}>
        <Loading label={props.loadingLabel} />
      </Match>
    </Switch>
  )
}
