import { availableActions } from '@papi/domain'
import { createSignal, createUniqueId, Show } from 'solid-js'
import type { ReportDto } from '../api/types'
import { ErrorText } from '../components/error-text'
import { useI18n } from '../i18n/i18n-context'

/**
 * Accept / return-with-comment for one submitted report. Which buttons show comes from the
 * domain's workflow table (`availableActions` for the standing agency); the comment is asked for
 * before a return, and the API's answer shows beside the buttons.
 */
export function ReviewActions(props: {
  report: ReportDto
  accept: (report: ReportDto) => Promise<ReportDto>
  return: (report: ReportDto, comment: string) => Promise<ReportDto>
  onDone: (report: ReportDto) => void
}) {
  const { t } = useI18n()
  const commentId = createUniqueId()
  const [returning, setReturning] = createSignal(false)
  const [comment, setComment] = createSignal('')
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<unknown>()
  const [missingComment, setMissingComment] = createSignal(false)
  const actions = () => availableActions(props.report.status, 'standing-agency')

  const act = async (fn: () => Promise<ReportDto>) => {
    setBusy(true)
    setError(undefined)
    try {
      props.onDone(await fn())
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const sendReturn = (e: SubmitEvent) => {
    e.preventDefault()
    if (comment().trim() === '') {
      setMissingComment(true)
      document.getElementById(commentId)?.focus()
      return
    }
    setMissingComment(false)
    void act(() => props.return(props.report, comment().trim()))
  }

  return (
    <div class="review-actions">
      <Show when={!returning()}>
        <div class="actions">
          <Show when={actions().includes('accept')}>
            <button type="button" class="primary" disabled={busy()} onClick={() => void act(() => props.accept(props.report))}>
              {t('reporting.accept')}
            </button>
          </Show>
          <Show when={actions().includes('return')}>
            <button type="button" disabled={busy()} onClick={() => setReturning(true)}>
              {t('reporting.return')}
            </button>
          </Show>
        </div>
      </Show>
      <Show when={returning()}>
        <form onSubmit={sendReturn}>
          <div class="field">
            <label for={commentId}>{t('reporting.returnComment')}</label>
            <textarea
              id={commentId}
              value={comment()}
              onInput={(e) => setComment(e.currentTarget.value)}
              aria-invalid={missingComment()}
              aria-describedby={`${commentId}-error`}
            />
            <Show when={missingComment()}>
              <p class="field-error" id={`${commentId}-error`}>
                {t('auth.required', { field: t('reporting.returnComment').toLowerCase() })}
              </p>
            </Show>
          </div>
          <div class="actions">
            <button type="submit" class="primary" disabled={busy()}>
              {t('reporting.returnConfirm')}
            </button>
            <button type="button" disabled={busy()} onClick={() => setReturning(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </Show>
      <ErrorText error={error()} />
    </div>
  )
}
