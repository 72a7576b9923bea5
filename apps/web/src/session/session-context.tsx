import { buildUnitTree, permits, type Action, type UnitTree } from '@papi/domain'
import {
  createContext,
  createMemo,
  createResource,
  createSignal,
  getOwner,
  runWithOwner,
  useContext,
  type Accessor,
  type ParentProps,
  type Resource,
} from 'solid-js'
import { createWebClient, unwrap, type WebClient } from '../api/papi-client'
import type { Me, Unit } from '../api/types'
import { useI18n } from '../i18n/i18n-context'

export type SessionState = 'checking' | 'signed-out' | 'signed-in'

export interface Session {
  state: Accessor<SessionState>
  me: Accessor<Me | undefined>
  /** The API's `/api/v1` routes, typed; read answers with `unwrap`. */
  api: WebClient
  login: (username: string, password: string) => Promise<void>
  logout: () => Promise<void>
  /** Units the user may see (`GET /api/v1/units`), loaded once per sign-in. */
  units: Resource<Unit[]>
  /** The same units as a tree, once loaded. */
  tree: Accessor<UnitTree | undefined>
  /** The unit the user files reports for (their reporter role). */
  homeUnitId: Accessor<string | undefined>
  /** The widest unit the user oversees (planner, then viewer, then reporter role): overview and review default. */
  overseenUnitId: Accessor<string | undefined>
  /**
   * The units' names on `asOf` (`GET /api/v1/units?asOf=`), by id, once loaded: a plan of 2018
   * names "UBND tỉnh Thừa Thiên Huế", which is "UBND thành phố Huế" today. Read once per day asked.
   */
  unitNamesOn: (asOf: string) => ReadonlyMap<string, string> | undefined
  /** Whether the API granted `action` (on `unitId` when given). Buttons hide when it did not. */
  can: (action: Action, unitId?: string) => boolean
}

const SessionContext = createContext<Session>()

/**
 * The signed-in user as the API knows them (`GET /api/v1/me`): the session itself is an HttpOnly
 * cookie the browser holds, so the dashboard only keeps who it is and what it may do.
 */
export function SessionProvider(props: ParentProps<{ onUser?: (userId: string | undefined) => void; fetch?: typeof fetch }>) {
  const { locale } = useI18n()
  const [state, setState] = createSignal<SessionState>('checking')
  const [me, setMe] = createSignal<Me>()
  let csrfToken: string | undefined

  const signOutLocally = () => {
    csrfToken = undefined
    setMe(undefined)
    setState('signed-out')
    props.onUser?.(undefined)
  }

  const api = createWebClient({
    locale,
    csrfToken: () => csrfToken ?? readCookie('papi_csrf'),
    onUnauthenticated: () => {
      if (state() === 'signed-in') signOutLocally()
    },
    ...(props.fetch === undefined ? {} : { fetch: props.fetch }),
  })

  const loadMe = async () => {
    const who = await unwrap(api.me.$get())
    if (who.csrfToken !== undefined) csrfToken = who.csrfToken
    setMe(who)
    setState('signed-in')
    props.onUser?.(who.user.id)
  }

  // The first check only decides while nothing else has: a sign-in may have finished meanwhile.
  loadMe().catch(() => {
    if (state() === 'checking') signOutLocally()
  })

  const [units] = createResource(
    () => (state() === 'signed-in' ? me()?.user.id : undefined),
    () => unwrap(api.units.$get({ query: {} })),
  )
  const tree = createMemo(() => {
    const list = units.state === 'ready' ? units() : undefined
    if (list === undefined) return undefined
    try {
      return buildUnitTree(list)
    } catch {
      return undefined
    }
  })
  // One request per signed-in user and day, shared by every picker that asks for it.
  const owner = getOwner()
  const dated = new Map<string, Resource<ReadonlyMap<string, string>>>()
  const unitNamesOn = (asOf: string) => {
    const key = `${me()?.user.id ?? ''}|${asOf}`
    let names = dated.get(key)
    if (names === undefined) {
      names = runWithOwner(owner, () => {
        const [r] = createResource(async () => {
          const list = await unwrap(api.units.$get({ query: { asOf } }))
          return new Map(list.map((u) => [u.id, u.name]))
        })
        return r
      }) as Resource<ReadonlyMap<string, string>>
      dated.set(key, names)
    }
    return names.state === 'ready' ? names() : undefined
  }
  const unitOfRole = (...order: string[]) => {
    const roles = me()?.roles ?? []
    for (const role of order) {
      const hit = roles.find((r) => r.role === role && r.unitId !== null)
      if (hit) return hit.unitId as string
    }
    return tree()?.roots[0]?.id
  }
  const homeUnitId = () => unitOfRole('reporter')
  const overseenUnitId = () => unitOfRole('planner', 'viewer', 'reporter')

  const session: Session = {
    state,
    me,
    api,
    async login(username, password) {
      const result = await unwrap(api.auth.login.$post({ json: { username, password } }))
      if (result.csrfToken !== undefined) csrfToken = result.csrfToken
      await loadMe()
    },
    async logout() {
      try {
        await unwrap(api.auth.logout.$post())
      } finally {
        signOutLocally()
      }
    },
    units,
    tree,
    homeUnitId,
    overseenUnitId,
    unitNamesOn,
    can: (action, unitId) => permits(me()?.permissions ?? [], action, unitId, tree()),
  }
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>
}

export function useSession(): Session {
  const ctx = useContext(SessionContext)
  if (ctx === undefined) throw new Error('useSession outside <SessionProvider>')
  return ctx
}

function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined
  const hit = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`))
  return hit === undefined ? undefined : decodeURIComponent(hit.slice(name.length + 1))
}
