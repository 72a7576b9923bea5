import { createSignal, Show } from 'solid-js'
import { ErrorText } from '../components/error-text'
import { useI18n } from '../i18n/i18n-context'
import { useSession } from '../session/session-context'

/** Sign-in form. The API's error (wrong password, locked account) shows under the form. */
export function LoginPage() {
  const { t } = useI18n()
  const session = useSession()
  const [username, setUsername] = createSignal('')
  const [password, setPassword] = createSignal('')
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<unknown>()
  const [missing, setMissing] = createSignal<'username' | 'password'>()

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    setError(undefined)
    const lack = username().trim() === '' ? 'username' : password() === '' ? 'password' : undefined
    setMissing(lack)
    if (lack !== undefined) {
      document.getElementById(`login-${lack}`)?.focus()
      return
    }
    setBusy(true)
    try {
      await session.login(username().trim(), password())
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="login">
      <form class="card login-card" onSubmit={submit} novalidate aria-labelledby="login-title">
        <h1 id="login-title">{t('auth.title')}</h1>
        <p class="muted">{t('app.tagline')}</p>
        <div class="field">
          <label for="login-username">{t('auth.username')}</label>
          <input
            id="login-username"
            name="username"
            autocomplete="username"
            value={username()}
            onInput={(e) => setUsername(e.currentTarget.value)}
            aria-invalid={missing() === 'username'}
            aria-describedby={missing() === 'username' ? 'login-username-error' : undefined}
            autofocus
          />
          <Show when={missing() === 'username'}>
            <p class="field-error" id="login-username-error">
              {t('auth.required', { field: t('auth.username').toLowerCase() })}
            </p>
          </Show>
        </div>
        <div class="field">
          <label for="login-password">{t('auth.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autocomplete="current-password"
            value={password()}
            onInput={(e) => setPassword(e.currentTarget.value)}
            aria-invalid={missing() === 'password'}
            aria-describedby={missing() === 'password' ? 'login-password-error' : undefined}
          />
          <Show when={missing() === 'password'}>
            <p class="field-error" id="login-password-error">
              {t('auth.required', { field: t('auth.password').toLowerCase() })}
            </p>
          </Show>
        </div>
        <ErrorText error={error()} />
        <button type="submit" class="primary" disabled={busy()}>
          {busy() ? t('auth.submitting') : t('auth.submit')}
        </button>
      </form>
    </section>
  )
}
