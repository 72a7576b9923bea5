import { availableActions, REPORT_TRANSITIONS } from '@papi/domain'
import { createSignal, createUniqueId, For, Show } from 'solid-js'
import type { ReportDto } from '../api/types'
import { createAction } from '../components/create-action'
import { ErrorText } from '../components/error-text'
import { useI18n } from '../i18n/i18n-context'
import type { MessageKey } from '../i18n/messages'

/** What the standing agency does to a report: accept, return or reopen. */
export type ReviewAction = 'accept' | 'return' | 'reopen'

const TEXTS: Record<ReviewAction, { button: MessageKey; comment: MessageKey; confirm: MessageKey }> = {
  accept: { button: 'reporting.accept', comment: 'reporting.acceptComment', confirm: 'reporting.accept' },
  return: { button: 'reporting.return', comment: 'reporting.returnComment', confirm: 'reporting.returnConfirm' },
  reopen: { button: 'reporting.reopen', comment: 'reporting.reopenComment', confirm: 'reporting.reopenConfirm' },
}

/**
 * The standing agency's buttons for one report: accept or return a submitted one, reopen an
 * accepted one. Which show, and which need a comment first, comes from the domain's workflow
 * table (`availableActions`, `REPORT_TRANSITIONS`); the API's answer shows beside the buttons.
 */
export function ReviewActions(props: {
  report: ReportDto
  perform: (report: ReportDto, action: ReviewAction, comment?: string) => Promise<ReportDto>
  onDone: (report: ReportDto) => void
}) {
  const { t } = useI18n()
  const commentId = createUniqueId()
  const [asking, setAsking] = createSignal<ReviewAction>()
  const [comment, setComment] = createSignal('')
  const { busy, error, run: send } = createAction()
  const [missingComment, setMissingComment] = createSignal(false)
  const actions = () => availableActions(props.report.status, 'standing-agency').filter((a): a is ReviewAction => a in TEXTS)

  const run = (next: ReviewAction, text?: string) =>
    send(async () => {
      props.onDone(await props.perform(props.report, next, text))
      setAsking(undefined)
      setComment('')
    })

  const start = (action: ReviewAction) => {
    if (REPORT_TRANSITIONS[action].commentRequired) {
      setMissingComment(false)
      setAsking(action)
    } else void run(action)
  }

  const confirm = (e: SubmitEvent) => {
    e.preventDefault()
    const action = asking()
    if (action === undefined) return
    if (comment().trim() === '') {
      setMissingComment(true)
      document.getElementById(commentId)?.focus()
      return
    }
    setMissingComment(false)
    void run(action, comment().trim())
  }

  return (
    <Show when={actions().length > 0 || error() !== undefined}>
      <div class="review-actions">
        <Show when={asking() === undefined}>
          <div class="actions">
            <For each={actions()}>
              {(action) => (
                <button type="button" class={action === 'accept' ? 'primary' : undefined} disabled={busy()} onClick={() => start(action)}>
                  {t(TEXTS[action].button)}
                </button>
              )}
            </For>
          </div>
        </Show>
        <Show when={asking()}>
          {(action) => (
            <form onSubmit={confirm}>
              <div class="field">
                <label for={commentId}>{t(TEXTS[action()].comment)}</label>
                <textarea
                  id={commentId}
                  value={comment()}
                  onInput={(e) => setComment(e.currentTarget.value)}
                  aria-invalid={missingComment()}
                  aria-describedby={missingComment() ? `${commentId}-error` : undefined}
                />
                <Show when={missingComment()}>
                  <p class="field-error" id={`${commentId}-error`}>
                    {t('auth.required', { field: t(TEXTS[action()].comment).toLowerCase() })}
                  </p>
                </Show>
              </div>
              <div class="actions">
                <button type="submit" class="primary" disabled={busy()}>
                  {t(TEXTS[action()].confirm)}
                </button>
                <button type="button" disabled={busy()} onClick={() => setAsking(undefined)}>
                  {t('common.cancel')}
                </button>
              </div>
            </form>
          )}
        </Show>
        <ErrorText error={error()} />
      </div>
    </Show>
  )
}
