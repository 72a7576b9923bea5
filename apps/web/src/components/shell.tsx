import { A, type RouteSectionProps } from '@solidjs/router'
import { Match, Suspense, Switch } from 'solid-js'
import { useI18n } from '../i18n/i18n-context'
import { LoginPage } from '../pages/login-page'
import { useSession } from '../session/session-context'
import { LanguageSwitch } from './language-switch'
import { Loading } from './loading'
import { PageAnnouncer } from './page-announcer'

/** Header, navigation and the page. Signed-out visitors get the sign-in form at any address. */
export function Shell(props: RouteSectionProps) {
  const { t } = useI18n()
  const session = useSession()
  return (
    <>
      {/* The router would take the click for a navigation: move focus into main ourselves. It stays a
          link to #main (what a skip link is, and what works before the script runs). */}
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is an in-page link; the click handler only keeps the router out */}
      <a
        class="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault()
          document.getElementById('main')?.focus()
        }}
      >
        {t('app.skip')}
      </a>
      <header class="top">
        <A href="/" class="brand" end>
          <span class="brand-mark" aria-hidden="true">
            p
          </span>
          {t('app.name')}
        </A>
        <Switch>
          <Match when={session.state() === 'signed-in'}>
            <nav aria-label={t('nav.menu')} class="nav">
              <A href="/" end>
                {t('nav.overview')}
              </A>
              <A href="/plans">{t('nav.plans')}</A>
              <A href="/reporting">{t('nav.reporting')}</A>
              <A href="/units">{t('nav.units')}</A>
            </nav>
          </Match>
        </Switch>
        <div class="top-end">
          <LanguageSwitch />
          <Switch>
            <Match when={session.me()}>
              {(me) => (
                <>
                  <span class="who" title={t('auth.signedInAs', { name: me().user.displayName })}>
                    {me().user.displayName}
                  </span>
                  <button type="button" class="link-button" onClick={() => void session.logout()}>
                    {t('auth.logout')}
                  </button>
                </>
              )}
            </Match>
          </Switch>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Switch>
          <Match when={session.state() === 'checking'}>
            <Loading />
          </Match>
          <Match when={session.state() === 'signed-out'}>
            <LoginPage />
          </Match>
          <Match when={session.state() === 'signed-in'}>
            <Suspense fallback={<Loading />}>{props.children}</Suspense>
          </Match>
        </Switch>
      </main>
      <PageAnnouncer appName={t('app.name')} session={session.state} />
    </>
  )
}
