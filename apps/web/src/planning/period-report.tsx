import { NARRATIVE_PART_MAX, NARRATIVE_PARTS, type NarrativePart } from '@papi/domain'
import { createMemo, createResource, createSignal, For, Show } from 'solid-js'
import { fieldError } from '../api/api-error'
import { periodReportUrl } from '../api/export-links'
import { unwrap } from '../api/papi-client'
import type { PeriodDto, PeriodNarrativeDto, PlanDetail, SavePeriodNarrativeInput } from '../api/types'
import { Async } from '../components/async'
import { createAction } from '../components/create-action'
import { DownloadLinks } from '../components/download-links'
import { ErrorText } from '../components/error-text'
import { Loading } from '../components/loading'
import { useI18n } from '../i18n/i18n-context'
import { today } from '../lib/today'
import { useSession } from '../session/session-context'
import { usePlanningText } from './planning-messages'

/**
 * The period whose report is most likely being written: the last one already due, else the
 * first one open.
 *
 * @example
 * reportPeriodOf([{ code: '2018S1', dueOn: '2018-06-18' }, { code: '2018', dueOn: '2018-12-18' }], '2018-07-01') // '2018S1'
 */
export function reportPeriodOf(periods: readonly Pick<PeriodDto, 'code' | 'dueOn'>[], day: string): string | undefined {
  const due = periods.filter((p) => p.dueOn <= day).sort((a, b) => a.dueOn.localeCompare(b.dueOn))
  return due.at(-1)?.code ?? periods[0]?.code
}

/**
 * The plan's own report for a period: its standing agency writes the four parts the .docx prints
 * around the generated tables (results, limits and causes, next tasks, proposals), then downloads it.
 */
export default function PeriodReport(props: { plan: PlanDetail }) {
  const pt = usePlanningText()
  const { locale } = useI18n()
  const session = useSession()
  const [periods, { refetch }] = createResource(
    () => props.plan.id,
    (id) => unwrap(session.api.plans[':id'].periods.$get({ param: { id } })),
  )
  const [chosen, setChosen] = createSignal<string>()
  const periodId = createMemo(() => chosen() ?? reportPeriodOf(periods.latest ?? [], today()))
  const [narrative, narrativeActions] = createResource(
    () => {
      const id = periodId()
      return id === undefined ? undefined : { planId: props.plan.id, periodId: id }
    },
    (key) => unwrap(session.api.plans[':id'].periods[':periodId'].narrative.$get({ param: { id: key.planId, periodId: key.periodId } })),
  )
  const save = (body: SavePeriodNarrativeInput) => {
    const id = periodId() as string
    return unwrap(session.api.plans[':id'].periods[':periodId'].narrative.$put({ param: { id: props.plan.id, periodId: id }, json: body }))
  }
  return (
    <div class="admin-block" data-testid="period-report">
      <h2 id="period-report-title">{pt('narrative.title')}</h2>
      <p class="muted">{pt('narrative.intro')}</p>
      <Async of={periods} retry={refetch}>
        {(list) => (
          <Show when={list.length > 0} fallback={<p>{pt('periods.empty')}</p>}>
            <div class="field">
              <label for="narrative-period">{pt('narrative.period')}</label>
              <select id="narrative-period" value={periodId() ?? ''} onChange={(e) => setChosen(e.currentTarget.value)}>
                <For each={list}>
                  {(p) => (
                    <option value={p.code} selected={p.code === periodId()}>
                      {p.label}
                    </option>
                  )}
                </For>
              </select>
            </div>
            <Async of={narrative} retry={narrativeActions.refetch}>
              {(n) => (
                // Another period's texts are loading: its editor is not shown meanwhile, so nothing
                // typed there is dropped when they arrive (or saved into the period just chosen).
                <Show when={narrative.state !== 'refreshing'} fallback={<Loading />}>
                  <NarrativeEditor narrative={n} save={save} />
                </Show>
              )}
            </Async>
            <Show when={periodId()}>
              {(id) => (
                <DownloadLinks
                  label={pt('narrative.download')}
                  href={(format) => periodReportUrl(session.api, props.plan.id, { periodId: id(), format, lang: locale() })}
                  testId="period-report-download"
                />
              )}
            </Show>
          </Show>
        )}
      </Async>
    </div>
  )
}

const PART_ROWS: Record<NarrativePart, number> = { results: 8, limits: 6, nextTasks: 6, proposals: 4 }

/**
 * The four parts of one period's report as text areas; saves with the version read, so another
 * planner's save in between is reported (409) instead of overwritten. Read-only for those who may
 * not write it.
 */
export function NarrativeEditor(props: {
  narrative: PeriodNarrativeDto
  save: (body: SavePeriodNarrativeInput) => Promise<PeriodNarrativeDto>
  onSaved?: (next: PeriodNarrativeDto) => void
}) {
  const pt = usePlanningText()
  const [texts, setTexts] = createSignal(
    Object.fromEntries(NARRATIVE_PARTS.map((p) => [p, props.narrative[p]])) as Record<NarrativePart, string>,
  )
  // What was last saved (the texts and the version to send back): the form stays as it is after a
  // save, so its message stays on screen.
  const [saved, setSaved] = createSignal<PeriodNarrativeDto>(props.narrative)
  const [status, setStatus] = createSignal<string>()
  const { busy, error, run } = createAction()
  const changed = () => NARRATIVE_PARTS.some((p) => texts()[p] !== saved()[p])
  const tooLong = (part: NarrativePart) => texts()[part].length > NARRATIVE_PART_MAX
  const errorOf = (part: NarrativePart) =>
    tooLong(part) ? pt('narrative.tooLong', { max: String(NARRATIVE_PART_MAX) }) : fieldError(error(), part)
  const id = (part: NarrativePart) => `narrative-${part}`
  const submit = async (e: Event) => {
    e.preventDefault()
    const first = NARRATIVE_PARTS.find(tooLong)
    if (first !== undefined) {
      document.getElementById(id(first))?.focus()
      return
    }
    setStatus(undefined)
    await run(async () => {
      const next = await props.save({ ...texts(), version: saved().version })
      setSaved(next)
      setTexts(Object.fromEntries(NARRATIVE_PARTS.map((p) => [p, next[p]])) as Record<NarrativePart, string>)
      setStatus(pt('narrative.saved'))
      props.onSaved?.(next)
    })
  }
  const general = () => (NARRATIVE_PARTS.some((p) => fieldError(error(), p) !== undefined) ? undefined : error())
  return (
    <form class="narrative" onSubmit={submit} noValidate data-testid="narrative-form">
      <Show when={!props.narrative.editable}>
        <p class="muted">{pt('narrative.readOnly')}</p>
      </Show>
      <For each={NARRATIVE_PARTS}>
        {(part) => (
          <div class="field">
            <label for={id(part)}>{pt(`narrative.${part}`)}</label>
            <textarea
              id={id(part)}
              rows={PART_ROWS[part]}
              value={texts()[part]}
              readOnly={!props.narrative.editable}
              placeholder={pt(`narrative.${part}Hint`)}
              aria-invalid={errorOf(part) !== undefined}
              aria-describedby={errorOf(part) === undefined ? undefined : `${id(part)}-error`}
              onInput={(e) => {
                const value = e.currentTarget.value
                setTexts((t) => ({ ...t, [part]: value }))
              }}
            />
            <Show when={errorOf(part)}>
              <p class="field-error" id={`${id(part)}-error`}>
                {errorOf(part)}
              </p>
            </Show>
          </div>
        )}
      </For>
      <ErrorText error={general()} />
      <p role="status" class="ok-text" data-testid="narrative-status">
        {status()}
      </p>
      <Show when={props.narrative.editable}>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy() || !changed()}>
            {busy() ? pt('narrative.saving') : pt('narrative.save')}
          </button>
        </div>
      </Show>
    </form>
  )
}
