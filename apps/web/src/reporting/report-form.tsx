import { workProgressIssue, type Target } from '@papi/domain'
import { createSignal, For, Show, type JSX } from 'solid-js'
import { createStore } from 'solid-js/store'
import { ApiError, fieldError } from '../api/api-error'
import type { ReportDto, SaveReportInput } from '../api/types'
import { ErrorText } from '../components/error-text'
import { useI18n } from '../i18n/i18n-context'
import { useFormat } from '../lib/use-format'
import { draftFromReport, draftToInput, isEditable, parseTypedNumber, type DraftFieldErrors, type ReportDraft } from './report-draft'

export interface ReportFormProps {
  task: { id: string; code: string; title: string; targets?: Target[] }
  unitId: string
  periodId: string
  report?: ReportDto
  save: (input: SaveReportInput) => Promise<ReportDto>
  submit: (reportId: string, version: number) => Promise<ReportDto>
  /** The report as the server has it now, after a 409. */
  reload: () => Promise<ReportDto | undefined>
  onChange?: (report: ReportDto) => void
  /** Start with the fields shown (default) or folded under the task's title. */
  initiallyOpen?: boolean
  /** A line under the title: the plan, section and deadline the task reports under. */
  context?: JSX.Element
}

/**
 * One task's report for the period: status, progress, narrative and KPI values, saved as a draft
 * then submitted. On a 409 the user's text stays in the form; they load the newer version's
 * number and save again, so nothing they typed is lost.
 */
export function ReportForm(props: ReportFormProps) {
  const { t, locale } = useI18n()
  const fmt = useFormat()
  const metrics = () => (props.task.targets ?? []).map((tg) => tg.metric)
  const [draft, setDraft] = createStore<ReportDraft>(draftFromReport(props.report, props.task.targets ?? []))
  const [report, setReport] = createSignal<ReportDto | undefined>(props.report)
  const [errors, setErrors] = createSignal<DraftFieldErrors>({})
  const [apiError, setApiError] = createSignal<unknown>()
  const [conflict, setConflict] = createSignal(false)
  const [busy, setBusy] = createSignal<'save' | 'submit' | 'reload'>()
  const [notice, setNotice] = createSignal<string>()
  const [open, setOpen] = createSignal(props.initiallyOpen ?? true)

  const id = (field: string) => `r-${props.task.id}-${props.unitId}-${field}`
  const editable = () => isEditable(report()?.status)
  const fieldMessage = (field: keyof DraftFieldErrors) => {
    const local = errors()[field]
    if (local !== undefined && field === 'progress') {
      // "Done" at 20 %: the domain's own words, in the reader's language.
      const mismatch = workProgressIssue(draft.workStatus, parseTypedNumber(draft.progress) ?? 0)
      return mismatch ? mismatch.text[locale()] : t('reporting.progressInvalid')
    }
    if (local !== undefined) return field === 'kpiValues' ? t('reporting.kpiInvalid') : local
    const remote = fieldError(apiError(), field) ?? (field === 'workStatus' ? fieldError(apiError(), 'status') : undefined)
    // The API names the field (the domain's rule, in English); say it in the user's language.
    if (remote !== undefined && field === 'completedOn') {
      return draft.completedOn === '' ? t('reporting.completedOnRequired') : t('reporting.completedOnFuture')
    }
    return remote
  }
  /** aria-describedby for a field: its error, only while there is one (never an id that is not in the page). */
  const describedBy = (field: keyof DraftFieldErrors, errorId: string) => (fieldMessage(field) === undefined ? undefined : errorId)
  let statusLine: HTMLParagraphElement | undefined
  /** After an action, focus goes where the user reads what happened: the field at fault, or the status line. */
  const focusAfter = () => {
    queueMicrotask(() => {
      const fields: [keyof DraftFieldErrors, string][] = [
        ['workStatus', 'status'],
        ['progress', 'progress'],
        ['completedOn', 'completed'],
        ['narrative', 'narrative'],
      ]
      const wrong = fields.find(([field]) => fieldMessage(field) !== undefined)
      const target = wrong ? document.getElementById(id(wrong[1])) : undefined
      if (target) target.focus()
      else if (!editable() && statusLine) statusLine.focus()
    })
  }

  const adopt = (saved: ReportDto) => {
    setReport(saved)
    props.onChange?.(saved)
  }

  const persist = async (): Promise<ReportDto | undefined> => {
    const check = draftToInput(
      draft,
      {
        taskId: props.task.id,
        unitId: props.unitId,
        periodId: props.periodId,
        ...(report()?.version === undefined ? {} : { version: report()?.version }),
      },
      props.task.targets ?? [],
    )
    if (!check.ok) {
      setErrors(check.errors)
      return undefined
    }
    setErrors({})
    const saved = await props.save(check.input)
    adopt(saved)
    return saved
  }

  const run = async (kind: 'save' | 'submit') => {
    // The buttons stay enabled while saving (a disabled button drops the focus): ignore a second press.
    if (busy() !== undefined) return
    setBusy(kind)
    setApiError(undefined)
    setNotice(t(kind === 'save' ? 'reporting.saving' : 'reporting.submitting'))
    try {
      const saved = await persist()
      if (saved === undefined) {
        setNotice(undefined)
        return
      }
      if (kind === 'save') {
        setNotice(t('reporting.saved', { time: fmt.dateTime(new Date().toISOString()) }))
        return
      }
      const submitted = await props.submit(saved.id, saved.version)
      adopt(submitted)
      setNotice(t('reporting.submitted', { time: fmt.dateTime(submitted.submittedAt ?? new Date().toISOString()) }))
    } catch (err) {
      setNotice(undefined)
      if (err instanceof ApiError && err.isConflict) setConflict(true)
      setApiError(err)
    } finally {
      setBusy(undefined)
      focusAfter()
    }
  }

  /** Takes the server's version number and status, keeps every field the user typed. */
  const takeLatestKeepText = async () => {
    setBusy('reload')
    try {
      const latest = await props.reload()
      if (latest !== undefined) adopt(latest)
      setConflict(false)
      setApiError(undefined)
    } catch (err) {
      setApiError(err)
    } finally {
      setBusy(undefined)
    }
  }

  const statusBadge = () => {
    const s = report()?.status
    if (s === undefined) return undefined
    return {
      text: fmt.label('reportStatus', s),
      tone: s === 'accepted' ? 'ok' : s === 'returned' ? 'bad' : s === 'submitted' ? 'warn' : '',
    }
  }

  return (
    <form
      class="card task-report"
      aria-labelledby={id('title')}
      data-testid={`report-form-${props.task.code}`}
      onSubmit={(e) => {
        e.preventDefault()
        void run('save')
      }}
    >
      <header>
        <h3 id={id('title')}>
          <button type="button" class="disclosure" aria-expanded={open()} aria-controls={id('body')} onClick={() => setOpen(!open())}>
            <span aria-hidden="true">{open() ? '▾' : '▸'}</span> {props.task.code}. {props.task.title}
          </button>
        </h3>
        <Show when={statusBadge() !== undefined || props.context !== undefined}>
          <p class="task-meta">
            <Show when={statusBadge()}>
              {(b) => (
                <span class={`badge ${b().tone}`} data-testid="report-status">
                  {b().text}
                </span>
              )}
            </Show>
            <Show when={props.context}>
              <span class="muted">{props.context}</span>
            </Show>
          </p>
        </Show>
      </header>
      <div id={id('body')} hidden={!open()} class="task-report-body">
        <Show when={report()?.status === 'returned' && report()?.reviewComment}>
          <p class="notice">{t('reporting.reviewComment', { comment: report()?.reviewComment ?? '' })}</p>
        </Show>
        <Show when={!editable()}>
          <p class="notice">{t('reporting.locked')}</p>
        </Show>
        <fieldset disabled={!editable()} aria-busy={busy() !== undefined} class="plain">
          <legend class="sr-only">{props.task.title}</legend>
          <div class="form-grid">
            <div class="field">
              <label for={id('status')}>{t('reporting.workStatus')}</label>
              <select
                id={id('status')}
                aria-invalid={fieldMessage('workStatus') !== undefined}
                aria-describedby={describedBy('workStatus', id('status-error'))}
                value={draft.workStatus}
                onChange={(e) => setDraft('workStatus', e.currentTarget.value as ReportDraft['workStatus'])}
              >
                <For each={fmt.options('workStatus')}>
                  {(o) => (
                    <option value={o.value} selected={o.value === draft.workStatus}>
                      {o.label}
                    </option>
                  )}
                </For>
              </select>
              <FieldError id={id('status-error')} text={fieldMessage('workStatus')} />
            </div>
            <div class="field">
              <label for={id('progress')}>{t('reporting.progress')}</label>
              <input
                id={id('progress')}
                inputmode="decimal"
                value={draft.progress}
                onInput={(e) => setDraft('progress', e.currentTarget.value)}
                aria-invalid={fieldMessage('progress') !== undefined}
                aria-describedby={describedBy('progress', id('progress-error'))}
              />
              <FieldError id={id('progress-error')} text={fieldMessage('progress')} />
            </div>
            <Show when={draft.workStatus === 'done'}>
              <div class="field">
                <label for={id('completed')}>{t('reporting.completedOn')}</label>
                <input
                  id={id('completed')}
                  type="date"
                  value={draft.completedOn}
                  onInput={(e) => setDraft('completedOn', e.currentTarget.value)}
                  aria-invalid={fieldMessage('completedOn') !== undefined}
                  aria-describedby={describedBy('completedOn', id('completed-error'))}
                />
                <FieldError id={id('completed-error')} text={fieldMessage('completedOn')} />
              </div>
            </Show>
          </div>
          <div class="field">
            <label for={id('narrative')}>{t('reporting.narrative')}</label>
            <textarea
              id={id('narrative')}
              value={draft.narrative}
              onInput={(e) => setDraft('narrative', e.currentTarget.value)}
              aria-invalid={fieldMessage('narrative') !== undefined}
              aria-describedby={describedBy('narrative', id('narrative-error'))}
            />
            <FieldError id={id('narrative-error')} text={fieldMessage('narrative')} />
          </div>
          <Show when={metrics().length > 0}>
            <fieldset class="plain">
              <legend class="label">{t('reporting.kpi')}</legend>
              <div class="form-grid">
                <For each={props.task.targets ?? []}>
                  {(target, i) => (
                    <div class="field">
                      <label for={id(`kpi-${i()}`)}>{target.text ?? target.metric}</label>
                      <input
                        id={id(`kpi-${i()}`)}
                        inputmode="decimal"
                        value={draft.kpi[target.metric] ?? ''}
                        onInput={(e) => setDraft('kpi', target.metric, e.currentTarget.value)}
                        aria-invalid={errors().kpiValues === target.metric}
                      />
                    </div>
                  )}
                </For>
              </div>
              <FieldError id={id('kpi-error')} text={fieldMessage('kpiValues')} />
            </fieldset>
          </Show>
        </fieldset>
        <Show when={conflict()}>
          <div class="error" role="alert" data-testid="conflict">
            <p>{t('reporting.conflict')}</p>
            <button type="button" onClick={() => void takeLatestKeepText()} disabled={busy() !== undefined}>
              {t('reporting.conflictReload')}
            </button>
          </div>
        </Show>
        <Show when={!conflict()}>
          <ErrorText error={fieldedElsewhere(apiError()) ? undefined : apiError()} />
        </Show>
        {/* Always in the page, so screen readers hear what is put in it (a region inserted with its text may go unread). */}
        <div role="status" aria-live="polite" data-testid="report-status-line">
          <Show when={notice()}>
            <p class="notice" tabIndex={-1} ref={statusLine}>
              {notice()}
            </p>
          </Show>
        </div>
        <Show when={editable()}>
          <div class="actions">
            <button type="submit" aria-disabled={busy() !== undefined}>
              {t('reporting.saveDraft')}
            </button>
            <button type="button" class="primary" aria-disabled={busy() !== undefined} onClick={() => void run('submit')}>
              {t('reporting.submit')}
            </button>
          </div>
        </Show>
      </div>
    </form>
  )

  function fieldedElsewhere(err: unknown): boolean {
    return ['workStatus', 'status', 'progress', 'narrative', 'completedOn', 'kpiValues'].some((f) => fieldError(err, f) !== undefined)
  }
}

function FieldError(props: { id: string; text: string | undefined }) {
  return (
    <Show when={props.text}>
      <p class="field-error" id={props.id}>
        {props.text}
      </p>
    </Show>
  )
}
