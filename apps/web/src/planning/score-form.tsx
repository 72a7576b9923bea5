import { frameworkFor, type IndexKind } from '@papi/domain'
import { createMemo, createSignal, For, Show } from 'solid-js'
import { ApiError } from '../api/api-error'
import { unwrap } from '../api/papi-client'
import { ErrorText } from '../components/error-text'
import { useI18n } from '../i18n/i18n-context'
import { useFormat } from '../lib/use-format'
import { useSession } from '../session/session-context'
import { usePlanningText } from './planning-messages'

const INDEXES: IndexKind[] = ['papi', 'par-index', 'sipas']

/** A number field's text as a number; '' is "not given", anything else unreadable is NaN. */
function numberOf(text: string): number | undefined {
  const t = text.trim().replace(',', '.')
  return t === '' ? undefined : Number(t)
}

/**
 * Types a year's published result for a unit — total, rank among N and each dimension of the
 * framework of that index and year — and stores it (`POST /scores`). The API checks it against the
 * framework (the domain's `validateResult`) and names each field at fault; the form puts every
 * message next to its field. Shown to those the API grants `score.manage` on the unit. A year
 * already stored is replaced naming the version `stored` read (0: none yet), so a result someone
 * else changed meanwhile is refused (409), not overwritten.
 */
export default function ScoreForm(props: {
  unitId: string
  stored: readonly { frameworkId: string; year: number; version: number }[]
  onSaved: () => void
}) {
  const pt = usePlanningText()
  const { locale } = useI18n()
  const fmt = useFormat()
  const session = useSession()
  const [index, setIndex] = createSignal<IndexKind>('papi')
  const [year, setYear] = createSignal(String(new Date().getFullYear() - 1))
  const [values, setValues] = createSignal<Record<string, string>>({})
  const [error, setError] = createSignal<unknown>()
  const [localErrors, setLocalErrors] = createSignal<Record<string, string>>({})
  const [busy, setBusy] = createSignal(false)
  const [saved, setSaved] = createSignal<string>()
  const framework = createMemo(() => {
    const y = Number(year())
    return Number.isInteger(y) ? frameworkFor(index(), y) : undefined
  })
  const value = (field: string) => values()[field] ?? ''
  const set = (field: string, text: string) => setValues({ ...values(), [field]: text })
  const id = (field: string) => `score-${field.replace(/[^a-z0-9]+/gi, '-')}`

  /** The message for a field: the form's own check, else the API's issue whose path names it. */
  const messageOf = (field: string) => {
    const local = localErrors()[field]
    if (local !== undefined) return local
    const e = error()
    if (!(e instanceof ApiError)) return undefined
    const issues = (e.details as { issues?: { path?: unknown[]; message?: string }[] } | undefined)?.issues ?? []
    const hit = issues.find((i) => Array.isArray(i.path) && fieldOfPath(i.path) === field)
    return hit?.message
  }
  const fieldOfPath = (path: unknown[]): string => {
    if (path[0] === 'dimensions' && typeof path[1] === 'number') {
      const key = framework()?.dimensions[path[1]]?.key
      return `dim-${key ?? path[1]}-${String(path[2] ?? 'score')}`
    }
    return String(path[0])
  }

  const submit = async (e: Event) => {
    e.preventDefault()
    setSaved(undefined)
    setError(undefined)
    const f = framework()
    const problems: Record<string, string> = {}
    if (f === undefined) problems.year = pt('scores.noFramework')
    const read = (field: string, required = false) => {
      const n = numberOf(value(field))
      if (n === undefined && required) problems[field] = pt('scores.required')
      else if (n !== undefined && !Number.isFinite(n)) problems[field] = pt('scores.notNumber')
      return n
    }
    const total = read('total', true)
    const rank = read('rank')
    const rankOf = read('rankOf')
    const dimensions = (f?.dimensions ?? []).flatMap((d) => {
      const score = read(`dim-${d.key}-score`)
      const dRank = read(`dim-${d.key}-rank`)
      return score === undefined && dRank === undefined
        ? []
        : [{ key: d.key, ...(score === undefined ? {} : { score }), ...(dRank === undefined ? {} : { rank: dRank }) }]
    })
    setLocalErrors(problems)
    if (Object.keys(problems).length > 0 || f === undefined || total === undefined) {
      queueMicrotask(() => document.querySelector<HTMLElement>('.score-form [aria-invalid="true"]')?.focus())
      return
    }
    setBusy(true)
    try {
      await unwrap(
        session.api.scores.$post({
          json: {
            unitId: props.unitId,
            frameworkId: f.id,
            year: Number(year()),
            total,
            ...(rank === undefined ? {} : { rank }),
            ...(rankOf === undefined ? {} : { rankOf }),
            dimensions,
            version: props.stored.find((s) => s.frameworkId === f.id && s.year === Number(year()))?.version ?? 0,
          },
        }),
      )
      setSaved(pt('scores.saved', { index: fmt.label('indexKind', index()), year: year() }))
      props.onSaved()
    } catch (err) {
      setError(err)
      queueMicrotask(() => document.querySelector<HTMLElement>('.score-form [aria-invalid="true"]')?.focus())
    } finally {
      setBusy(false)
    }
  }

  const Field = (p: { field: string; label: string; hiddenLabel?: boolean }) => {
    const message = () => messageOf(p.field)
    return (
      <div class="field">
        <label for={id(p.field)} class={p.hiddenLabel ? 'sr-only' : undefined}>
          {p.label}
        </label>
        <input
          id={id(p.field)}
          inputMode="decimal"
          value={value(p.field)}
          aria-invalid={message() !== undefined}
          aria-describedby={message() === undefined ? undefined : `${id(p.field)}-error`}
          onInput={(e) => set(p.field, e.currentTarget.value)}
        />
        <Show when={message()}>
          <p class="field-error" id={`${id(p.field)}-error`}>
            {message()}
          </p>
        </Show>
      </div>
    )
  }

  return (
    <form class="score-form admin-block" onSubmit={submit} noValidate data-testid="score-form">
      <h3>{pt('scores.title')}</h3>
      <div class="row">
        <div class="field">
          <label for="score-index">{pt('scores.index')}</label>
          <select id="score-index" value={index()} onChange={(e) => setIndex(e.currentTarget.value as IndexKind)}>
            <For each={INDEXES}>{(k) => <option value={k}>{fmt.label('indexKind', k)}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="score-year">{pt('scores.year')}</label>
          <input
            id="score-year"
            inputMode="numeric"
            value={year()}
            aria-invalid={messageOf('year') !== undefined}
            aria-describedby={messageOf('year') === undefined ? 'score-framework' : 'score-framework score-year-error'}
            onInput={(e) => setYear(e.currentTarget.value)}
          />
          <Show when={messageOf('year')}>
            <p class="field-error" id="score-year-error">
              {messageOf('year')}
            </p>
          </Show>
        </div>
        <Field field="total" label={pt('scores.total')} />
        <Field field="rank" label={pt('scores.rank')} />
        <Field field="rankOf" label={pt('scores.rankOf')} />
      </div>
      <p class="muted" id="score-framework">
        {framework()?.name[locale()] ?? pt('scores.noFramework')}
      </p>
      <Show when={framework()}>
        {(f) => (
          <fieldset class="plain">
            <legend class="label">{pt('scores.dimensions')}</legend>
            <div class="table-wrap">
              <table class="stack">
                <thead>
                  <tr>
                    <th scope="col">{pt('scores.dimension')}</th>
                    <th scope="col">{pt('scores.dimensionScore')}</th>
                    <th scope="col">{pt('scores.dimensionRank')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={f().dimensions}>
                    {(d) => (
                      <tr>
                        <td data-label={pt('scores.dimension')}>{d.name[locale()]}</td>
                        <td data-label={pt('scores.dimensionScore')}>
                          <Field field={`dim-${d.key}-score`} label={pt('scores.scoreOf', { dimension: d.name[locale()] })} hiddenLabel />
                        </td>
                        <td data-label={pt('scores.dimensionRank')}>
                          <Field
                            field={`dim-${d.key}-rank`}
                            label={pt('scores.rankOfDimension', { dimension: d.name[locale()] })}
                            hiddenLabel
                          />
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </fieldset>
        )}
      </Show>
      <Show when={!(error() instanceof ApiError && (error() as ApiError).code === 'invalid')}>
        <ErrorText error={error()} />
      </Show>
      <Show when={error() instanceof ApiError && (error() as ApiError).code === 'invalid'}>
        <p class="error" role="alert">
          {pt('scores.refused')}
        </p>
      </Show>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy()}>
          {pt('scores.save')}
        </button>
        <span role="status" class="ok-text" data-testid="score-status">
          {saved()}
        </span>
      </div>
    </form>
  )
}
