import { frameworkFor, type IndexKind } from '@papi/domain'
import { createMemo, createSignal, For, Show } from 'solid-js'
import { ApiError } from '../api/api-error'
import { unwrap } from '../api/papi-client'
import type { ScoreImportAnswer } from '../api/types'
import { DataTable } from '../components/data-table'
import { ErrorText } from '../components/error-text'
import { useI18n } from '../i18n/i18n-context'
import { useFormat } from '../lib/use-format'
import { useSession } from '../session/session-context'
import { type PlanningKey, usePlanningText } from './planning-messages'

const INDEXES: IndexKind[] = ['papi', 'par-index', 'sipas']
/** Why a row matched no unit (the domain's `matchProvinces`), each with its own message. */
const REASONS: readonly string[] = ['unknown-province', 'ambiguous']

/** A row the API read but could not store: its line in the file, the column at fault and why. */
interface RowIssue {
  line?: number
  column?: string
  message: string
}

/**
 * Sends one table for a framework and year (`POST /scores/import`): a preview (`dryRun`) answers
 * what would be stored and the version of the year it read; the save names that version.
 */
export type SendScoreTable = (
  file: File,
  frameworkId: string,
  year: number,
  mode: { dryRun: true } | { version: string },
) => Promise<ScoreImportAnswer>

/**
 * Uploads a year's results for many units at once as a CSV table (`POST /scores/import`, the table
 * `GET /scores/export` writes). Rows naming no unit are listed with their reason and the rest are
 * stored; a row that does not fit the framework, or a unit outside the caller's scope, stores
 * nothing and is named with its line. The table is previewed first and saved naming the version of
 * the year the preview read: a score typed meanwhile is never overwritten — the save is refused
 * (409), the table previewed again and the user told (#10).
 */
export function ScoreUploadForm(props: { send: SendScoreTable; unitName: (id: string) => string; onSaved?: () => void }) {
  const pt = usePlanningText()
  const { locale } = useI18n()
  const fmt = useFormat()
  const [index, setIndex] = createSignal<IndexKind>('papi')
  const [year, setYear] = createSignal(String(new Date().getFullYear() - 1))
  const [file, setFile] = createSignal<File>()
  const [fileError, setFileError] = createSignal<string>()
  const [busy, setBusy] = createSignal(false)
  const [answer, setAnswer] = createSignal<ScoreImportAnswer>()
  const [error, setError] = createSignal<unknown>()
  /** Set when a save was refused because the year changed since the preview (which was then redone). */
  const [changed, setChanged] = createSignal(false)
  /** The preview of the chosen table, framework and year; dropped when any of them changes. */
  const preview = () => {
    const a = answer()
    return a?.dryRun ? a : undefined
  }
  const forget = () => {
    if (preview()) setAnswer(undefined)
    setChanged(false)
  }
  const framework = createMemo(() => {
    const y = Number(year())
    return Number.isInteger(y) ? frameworkFor(index(), y) : undefined
  })
  const details = () => {
    const e = error()
    return e instanceof ApiError ? (e.details as { issues?: RowIssue[]; unitIds?: string[] } | undefined) : undefined
  }
  const rowIssues = () => (error() instanceof ApiError && (error() as ApiError).code === 'invalid' ? (details()?.issues ?? []) : [])
  const forbiddenUnits = () => (error() instanceof ApiError && (error() as ApiError).status === 403 ? (details()?.unitIds ?? []) : [])
  const reasonOf = (reason: string) => (REASONS.includes(reason) ? pt(`upload.reason.${reason}` as PlanningKey) : reason)

  /** Saves the previewed table; when the year changed since the preview, previews it again and says so (false). */
  const save = async (f: File, frameworkId: string, version: string): Promise<boolean> => {
    try {
      setAnswer(await props.send(f, frameworkId, Number(year()), { version }))
      return true
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 409)) throw err
      // Someone stored or corrected a score of that year since the preview: show the table against
      // what is stored now, with its new version, and say why it was not saved.
      setAnswer(await props.send(f, frameworkId, Number(year()), { dryRun: true }))
      setChanged(true)
      return false
    }
  }

  const submit = async (e: Event) => {
    e.preventDefault()
    const previewed = preview()
    setAnswer(undefined)
    setError(undefined)
    setChanged(false)
    const f = file()
    const fw = framework()
    if (!f) {
      setFileError(pt('upload.fileMissing'))
      queueMicrotask(() => document.getElementById('score-upload-file')?.focus())
      return
    }
    if (!fw) return
    setBusy(true)
    try {
      if (!previewed) setAnswer(await props.send(f, fw.id, Number(year()), { dryRun: true }))
      else if (await save(f, fw.id, previewed.version)) props.onSaved?.()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="score-upload admin-block" onSubmit={submit} noValidate data-testid="score-upload">
      <h3>{pt('upload.title')}</h3>
      <p class="muted" id="score-upload-intro">
        {pt('upload.intro')}
      </p>
      <div class="row">
        <div class="field">
          <label for="score-upload-index">{pt('scores.index')}</label>
          <select
            id="score-upload-index"
            value={index()}
            onChange={(e) => {
              setIndex(e.currentTarget.value as IndexKind)
              forget()
            }}
          >
            <For each={INDEXES}>{(k) => <option value={k}>{fmt.label('indexKind', k)}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="score-upload-year">{pt('scores.year')}</label>
          <input
            id="score-upload-year"
            inputMode="numeric"
            value={year()}
            aria-invalid={framework() === undefined}
            aria-describedby="score-upload-framework"
            onInput={(e) => {
              setYear(e.currentTarget.value)
              forget()
            }}
          />
        </div>
        <div class="field">
          <label for="score-upload-file">{pt('upload.file')}</label>
          <input
            id="score-upload-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={fileError() === undefined ? 'score-upload-intro' : 'score-upload-intro score-upload-file-error'}
            aria-invalid={fileError() !== undefined}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0])
              setFileError(undefined)
              forget()
            }}
          />
          <Show when={fileError()}>
            <p class="field-error" id="score-upload-file-error">
              {fileError()}
            </p>
          </Show>
        </div>
      </div>
      <p class="muted" id="score-upload-framework">
        {framework()?.name[locale()] ?? pt('scores.noFramework')}
      </p>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy() || framework() === undefined}>
          {preview() ? pt('upload.send') : pt('upload.preview')}
        </button>
        <span role="status" class="ok-text" data-testid="score-upload-status">
          {busy()
            ? pt('upload.sending')
            : preview()
              ? pt('upload.previewed', { count: preview()?.results.length ?? 0, index: fmt.label('indexKind', index()), year: year() })
              : answer()
                ? pt('upload.saved', { count: answer()?.saved.length ?? 0, index: fmt.label('indexKind', index()), year: year() })
                : ''}
        </span>
      </div>
      <Show when={changed()}>
        <p class="error" role="alert" data-testid="score-upload-changed">
          {pt('upload.changed')}
        </p>
      </Show>

      <Show when={answer()}>
        {(a) => (
          <>
            <Show when={(a().dryRun ? a().results : a().saved).length > 0}>
              <DataTable
                testId={a().dryRun ? 'score-upload-preview' : 'score-upload-saved'}
                stackOnPhone
                filterable={false}
                rows={a().dryRun ? a().results : a().saved}
                columns={[
                  { key: 'unit', header: pt('upload.savedUnit'), cell: (r) => props.unitName(r.unitId) },
                  { key: 'total', header: pt('scores.total'), cell: (r) => fmt.number(r.total) },
                  {
                    key: 'rank',
                    header: pt('scores.rank'),
                    cell: (r) => (r.rank === undefined ? '—' : r.rankOf === undefined ? String(r.rank) : `${r.rank}/${r.rankOf}`),
                  },
                ]}
              />
            </Show>
            <Show when={a().warnings.length > 0}>
              <h4 id="score-upload-warnings">{pt('upload.warningsTitle', { count: a().warnings.length })}</h4>
              <ul data-testid="score-upload-warnings">
                <For each={a().warnings}>
                  {(w) => <li>{w.line === undefined ? w.message : `${pt('upload.line')} ${w.line}: ${w.message}`}</li>}
                </For>
              </ul>
            </Show>
            <Show when={a().notRanked.length > 0}>
              <p class="muted">{pt('upload.notRanked', { count: a().notRanked.length })}</p>
            </Show>
            <Show when={a().unmatched.length > 0}>
              <h4 id="score-upload-unmatched">{pt('upload.unmatchedTitle', { count: a().unmatched.length })}</h4>
              <DataTable
                testId="score-upload-unmatched"
                labelledBy="score-upload-unmatched"
                stackOnPhone
                filterable={false}
                rows={a().unmatched}
                columns={[
                  { key: 'line', header: pt('upload.line'), cell: (u) => u.line },
                  { key: 'unit', header: pt('upload.unit'), cell: (u) => u.unit },
                  { key: 'reason', header: pt('upload.reason'), cell: (u) => reasonOf(u.reason) },
                ]}
              />
            </Show>
          </>
        )}
      </Show>

      <Show when={rowIssues().length > 0}>
        <p class="error" role="alert" id="score-upload-refused">
          {pt('upload.refusedTitle', { count: rowIssues().length })}
        </p>
        <DataTable
          testId="score-upload-refused"
          labelledBy="score-upload-refused"
          stackOnPhone
          filterable={false}
          rows={rowIssues()}
          columns={[
            { key: 'line', header: pt('upload.line'), cell: (i) => i.line ?? '—' },
            {
              key: 'reason',
              header: pt('upload.reason'),
              cell: (i) => (i.column ? `${pt('upload.column', { column: i.column })}: ${i.message}` : i.message),
            },
          ]}
        />
      </Show>
      <Show when={forbiddenUnits().length > 0}>
        <p class="error" role="alert">
          {pt('upload.forbidden', { count: forbiddenUnits().length, units: forbiddenUnits().map(props.unitName).join(', ') })}
        </p>
      </Show>
      <Show when={error() !== undefined && rowIssues().length === 0 && forbiddenUnits().length === 0}>
        <ErrorText error={error()} />
      </Show>
    </form>
  )
}

/** The upload as a planner's page shows it: sends through the session and names units from its tree. */
export default function ScoreUpload(props: { onSaved?: () => void }) {
  const session = useSession()
  const send: SendScoreTable = (file, frameworkId, year, mode) =>
    unwrap(
      session.api.scores.import.$post({
        query: { frameworkId, year: String(year), ...('dryRun' in mode ? { dryRun: 'true' as const } : { version: mode.version }) },
        form: { file },
      }),
    ) as Promise<ScoreImportAnswer>
  const unitName = (id: string) => session.units.latest?.find((u) => u.id === id)?.name ?? id
  return <ScoreUploadForm send={send} unitName={unitName} onSaved={props.onSaved} />
}
