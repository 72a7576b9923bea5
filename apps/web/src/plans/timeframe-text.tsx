import { timeframeBounds, type Timeframe } from '@papi/domain'
import { Show } from 'solid-js'
import { useFormat } from '../lib/use-format'

/**
 * A timeframe in words and dates: the plan's own text, what kind it was read as (ongoing,
 * recurring every quarter, a window…) and the dates it pins down (`timeframeBounds`).
 */
export function TimeframeText(props: { timeframe: Timeframe }) {
  const fmt = useFormat()
  const bounds = () => timeframeBounds(props.timeframe)
  const dates = () => {
    const b = bounds()
    if (b.start && b.end) return `${fmt.date(b.start)} – ${fmt.date(b.end)}`
    if (b.end) return `→ ${fmt.date(b.end)}`
    if (b.start) return `${fmt.date(b.start)} →`
    return undefined
  }
  return (
    <span class="timeframe">
      <span>{props.timeframe.text || fmt.label('timeframeKind', props.timeframe.kind)}</span>
      <br />
      <small class="muted">
        <Show when={fmt.label('timeframeKind', props.timeframe.kind) !== props.timeframe.text}>{fmt.label('timeframeKind', props.timeframe.kind)}</Show>
        <Show when={props.timeframe.every}>{(every) => <> · {fmt.label('recurrence', every())}</>}</Show>
        <Show when={dates()}>{(d) => <> · {d()}</>}</Show>
        <Show when={props.timeframe.kind === 'milestones' && (props.timeframe.dates?.length ?? 0) > 1}>
          {' '}
          ({(props.timeframe.dates ?? []).map((d) => fmt.date(d)).join(', ')})
        </Show>
      </small>
    </span>
  )
}
