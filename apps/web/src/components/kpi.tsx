import { Show, type JSX } from 'solid-js'

/** One headline figure with its label (completeness, total score…). */
export function Kpi(props: { label: string; value: string; detail?: JSX.Element; testId?: string }) {
  return (
    <div class="kpi" data-testid={props.testId}>
      <div class="value">{props.value}</div>
      <div class="label">{props.label}</div>
      <Show when={props.detail}>
        <div class="detail">{props.detail}</div>
      </Show>
    </div>
  )
}
