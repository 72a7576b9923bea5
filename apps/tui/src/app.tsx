/** @jsxRuntime automatic */
import type { Locale } from '@papi/domain'
import { Box, Text, useApp, useInput, useStdout } from 'ink'
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { ApiFailure, apiClient, ok } from './api'
import { Dialog, type DialogState } from './components/dialog'
import { HelpBar, helpLines } from './components/help-bar'
import { typing } from './components/list-screen'
import type { StatusKind } from './components/status-line'
import { StatusLine } from './components/status-line'
import { UiContext, type Ui } from './context'
import { messages } from './i18n'
import { helpEntries, KEYS, matches, type Binding } from './keys'
import { AuditScreen } from './screens/audit'
import { BackupScreen } from './screens/backup'
import { PeriodsScreen } from './screens/periods'
import { PlansScreen } from './screens/plans'
import { ReportingScreen } from './screens/reporting'
import type { ScreenProps } from './screens/screen'
import { ScoresScreen } from './screens/scores'
import { UnitsScreen } from './screens/units'
import { UsersScreen } from './screens/users'
import { fit } from './text'

export interface AppProps {
  url: string
  locale: Locale
  /** A session token (PAPI_TOKEN, or minted by `papi ssh-serve`); without one the app asks. */
  token?: string | undefined
  color: boolean
  /** Another fetch (tests hand in the app's own `request`). */
  fetch?: typeof fetch
  /** Fixed size for tests; otherwise the terminal's, followed on resize. */
  size?: { columns: number; rows: number }
}

const SCREENS: { component: (props: ScreenProps) => ReactNode; keys: Record<string, Binding> }[] = [
  { component: UnitsScreen, keys: KEYS.units },
  { component: UsersScreen, keys: KEYS.users },
  { component: PlansScreen, keys: KEYS.plans },
  { component: PeriodsScreen, keys: KEYS.periods },
  { component: ReportingScreen, keys: KEYS.reporting },
  { component: ScoresScreen, keys: KEYS.scores },
  { component: AuditScreen, keys: KEYS.audit },
  { component: BackupScreen, keys: KEYS.backup },
]

function useTerminalSize(fixed?: { columns: number; rows: number }) {
  const { stdout } = useStdout()
  const read = () => fixed ?? { columns: stdout.columns || 80, rows: stdout.rows || 24 }
  const [size, setSize] = useState(read)
  useEffect(() => {
    if (fixed) return
    const onResize = () => setSize(read())
    stdout.on('resize', onResize)
    return () => {
      stdout.off('resize', onResize)
    }
  }, [stdout])
  return size
}

/** The whole TUI: sign-in, the eight screens as tabs, a status line and the help bar. */
export function App(props: AppProps) {
  const { exit } = useApp()
  const size = useTerminalSize(props.size)
  const [locale, setLocale] = useState<Locale>(props.locale)
  const [token, setToken] = useState(props.token ?? '')
  const [who, setWho] = useState('')
  const [screen, setScreen] = useState(0)
  const [dialog, setDialog] = useState<DialogState | null>(null)
  const [status, setStatus] = useState<{ text: string; kind: StatusKind }>({ text: '', kind: 'info' })
  const m = messages(locale)
  const signingIn = useRef(false)

  const api = useMemo(() => apiClient(props.url, token || undefined, locale, props.fetch), [props.url, token, locale, props.fetch])
  const sessionFetch = useCallback<typeof fetch>(
    (input, init) => {
      const headers = new Headers(init?.headers)
      if (token) headers.set('authorization', `Bearer ${token}`)
      headers.set('accept-language', locale)
      return (props.fetch ?? fetch)(input, { ...init, headers })
    },
    [token, locale, props.fetch],
  )

  const dialogs = useRef(0)
  const open = <T,>(make: (resolve: (value: T) => void) => DialogState) =>
    new Promise<T>((resolve) => {
      dialogs.current += 1
      setDialog(
        make((value) => {
          setDialog(null)
          resolve(value)
        }),
      )
    })

  const ui: Ui = {
    api,
    url: props.url,
    token,
    locale,
    m,
    color: props.color,
    fetch: sessionFetch,
    ask: (label, options = {}) =>
      open((resolve) => ({ type: 'prompt', label, initial: options.initial ?? '', secret: options.secret ?? false, resolve })),
    confirm: (text) => open((resolve) => ({ type: 'confirm', text: m.confirm(text), resolve })),
    choose: (label, options) => open((resolve) => ({ type: 'choose', label, options, resolve })),
    panel: (title, lines, footer, keys) => open((resolve) => ({ type: 'panel', title, lines, footer, keys, resolve })),
    progress: (label, ratio) => setDialog({ type: 'progress', label, ratio }),
    closeDialog: () => setDialog(null),
    status: (text, kind = 'info') => setStatus({ text, kind }),
    act: async (action) => {
      try {
        setStatus({ text: '', kind: 'info' })
        const done = await action()
        if (done) setStatus({ text: done, kind: 'success' })
      } catch (error) {
        setDialog(null)
        if (error instanceof ApiFailure && error.status === 401) {
          setToken('')
          setStatus({ text: m.sessionEnded, kind: 'error' })
        } else if (error instanceof ApiFailure) setStatus({ text: error.message, kind: 'error' })
        else if (error instanceof TypeError) setStatus({ text: m.noServer(props.url), kind: 'error' })
        else setStatus({ text: error instanceof Error ? error.message : String(error), kind: 'error' })
      }
    },
  }

  // Without a session: ask for one, with the same dialogs the screens use.
  useEffect(() => {
    if (token) {
      void ui.act(async () => {
        const me = await ok(api.api.v1.me.$get(), locale)
        setWho(me.user.displayName)
      })
      return
    }
    if (signingIn.current) return
    signingIn.current = true
    void (async () => {
      for (;;) {
        const username = await ui.ask(`${m.signIn} — ${props.url}\n${m.username}`)
        if (username === undefined) return exit()
        const password = await ui.ask(m.password, { secret: true })
        if (password === undefined) return exit()
        try {
          const login = await ok(
            apiClient(props.url, undefined, locale, props.fetch).api.v1.auth.login.$post({ json: { username, password } }),
            locale,
          )
          setWho(login.user.displayName)
          setStatus({ text: m.signedInAs(login.user.displayName), kind: 'success' })
          signingIn.current = false
          setToken(login.token)
          return
        } catch (error) {
          setStatus({ text: error instanceof ApiFailure ? error.message : m.noServer(props.url), kind: 'error' })
        }
      }
    })()
  }, [token])

  useInput((input, key) => {
    if (matches(KEYS.global.quit, input, key)) exit()
    else if (matches(KEYS.global.language, input, key)) setLocale((l) => (l === 'vi' ? 'en' : 'vi'))
    else if (!token || dialog) return
    else if (matches(KEYS.global.next, input, key)) setScreen((s) => (s + 1) % SCREENS.length)
    else if (matches(KEYS.global.previous, input, key)) setScreen((s) => (s + SCREENS.length - 1) % SCREENS.length)
    else if (matches(KEYS.global.jump, input, key) && !typing.active) setScreen(Number(input) - 1)
  })

  const { columns: width, rows: height } = size
  const help = dialog
    ? dialog.type === 'progress'
      ? [] // nothing to press while the server works
      : helpEntries(
          dialog.type === 'confirm'
            ? { yes: KEYS.dialog.yes, no: KEYS.dialog.no }
            : dialog.type === 'panel'
              ? dialog.footer === undefined
                ? KEYS.info
                : (dialog.keys ?? KEYS.preview)
              : { submit: KEYS.dialog.submit, cancel: KEYS.dialog.cancel },
          locale,
        )
    : [
        ...helpEntries(SCREENS[screen]!.keys, locale),
        ...helpEntries({ filter: KEYS.list.filter }, locale),
        ...helpEntries(KEYS.global, locale),
      ]
  const dialogHeight = dialog
    ? dialog.type === 'choose' || dialog.type === 'panel'
      ? Math.max(4, height - 8)
      : dialog.type === 'progress'
        ? 3
        : 2
    : 0
  const bodyHeight = Math.max(3, height - 2 - helpLines(help, width).length - dialogHeight)
  const Screen = SCREENS[screen]!.component
  const tabs = m.screens.map((name, i) => (i === screen ? `[${i + 1} ${name}]` : ` ${i + 1} ${name} `)).join('')

  return (
    <UiContext.Provider value={ui}>
      <Box flexDirection="column" width={width} height={height}>
        <Text bold={props.color} wrap="truncate">
          {fit(`${m.title}${who ? ` · ${who}` : ''} · ${tabs}`, width)}
        </Text>
        <Box height={bodyHeight} flexDirection="column" overflow="hidden">
          {token ? <Screen width={width} height={bodyHeight} active={dialog === null} /> : null}
        </Box>
        <StatusLine text={status.text} kind={status.kind} width={width} color={props.color} />
        {dialog ? (
          <Dialog key={dialogs.current} state={dialog} width={width} height={dialogHeight} color={props.color} locale={locale} />
        ) : null}
        <HelpBar entries={help} width={width} color={props.color} />
      </Box>
    </UiContext.Provider>
  )
}
