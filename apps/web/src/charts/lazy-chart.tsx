import type { ChartConfiguration } from 'chart.js'
import { createEffect, createSignal, onCleanup, onMount, Show } from 'solid-js'
import { useI18n } from '../i18n/i18n-context'
import { Loading } from '../components/loading'

type ChartInstance = { destroy(): void; update(): void; data: ChartConfiguration['data']; options: ChartConfiguration['options'] }

/**
 * A chart.js canvas whose code loads when the chart first renders. The canvas carries a text
 * label for screen readers; every chart on the dashboard also has its figures in a table.
 */
export function LazyChart(props: {
  config: () => ChartConfiguration
  label: string
  testId?: string /** Pixels; the stylesheet's default otherwise. */
  height?: number
}) {
  const { t } = useI18n()
  let canvas: HTMLCanvasElement | undefined
  let chart: ChartInstance | undefined
  const [ready, setReady] = createSignal(false)
  const [failed, setFailed] = createSignal(false)

  onMount(() => {
    import('./chart-module')
      .then(({ Chart }) => {
        if (canvas === undefined) return
        chart = new Chart(canvas, props.config()) as unknown as ChartInstance
        setReady(true)
      })
      .catch(() => setFailed(true))
  })

  createEffect(() => {
    const config = props.config()
    if (!ready() || chart === undefined) return
    chart.data = config.data
    chart.options = config.options ?? {}
    chart.update()
  })

  onCleanup(() => chart?.destroy())

  return (
    <div class="chart-box" data-testid={props.testId} style={props.height === undefined ? undefined : { height: `${props.height}px` }}>
      <Show when={!ready() && !failed()}>
        <Loading />
      </Show>
      <Show when={failed()}>
        <p class="muted">{t('common.chartFallback')}</p>
      </Show>
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  )
}
