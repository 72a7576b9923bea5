import { createSignal } from 'solid-js'

/**
 * The state of a button or form that calls the API: `busy` while the call runs (so it is sent
 * once), and the `error` it ended with — for `ErrorText` and the per-field messages — cleared
 * when it runs again. `run` answers whether the work succeeded.
 *
 * @example
 * const save = createAction()
 * <button disabled={save.busy()} onClick={() => save.run(() => unwrap(session.api.plans.$post({ json })))} />
 * <ErrorText error={save.error()} />
 */
export function createAction() {
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<unknown>()
  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true)
    setError(undefined)
    try {
      await work()
      return true
    } catch (err) {
      setError(() => err)
      return false
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, run }
}
