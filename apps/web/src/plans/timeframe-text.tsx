import { timeframeDates, timeframeKind, type Timeframe } from '@papi/domain'
import { Show } from 'solid-js'
import { useI18n } from '../i18n/i18n-context'

/**
 * A timeframe in words and dates: the plan's own text, then what it was read as (ongoing,
 * quarterly, a window…) and the dates it pins down — the domain's `timeframeKind` and
 * `timeframeDates`, the words the exports write too (`formatTimeframe`).
 */
export function TimeframeText(props: { timeframe: Timeframe }) {
  const { locale } = useI18n()
  const kind = () => timeframeKind(props.timeframe, locale())
  const details = () =>
    [kind() === props.timeframe.text ? '' : kind(), timeframeDates(props.timeframe, locale())].filter((part) => part !== '').join(' · ')
  return (
    <span class="timeframe">
      <span>{props.timeframe.text || kind()}</span>
      <Show when={details() !== ''}>
        <br />
        <small class="muted">{details()}</small>
      </Show>
    </span>
  )
}
