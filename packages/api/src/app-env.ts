import type { Locale, LoginThrottle } from '@papi/domain'
import type { SessionCheck, Store, User } from '@papi/store'
import type { RequestIdVariables } from 'hono/request-id'
import type { Logger } from 'pino'
import type { ScryptCost } from './password'

/** Who is calling, once the session is checked. */
export interface Auth {
  user: User
  token: string
  /** Cookie sessions must pass the CSRF check on writes; bearer tokens cannot be sent by a browser on its own. */
  via: 'bearer' | 'cookie'
  csrfToken: string
}

/**
 * The services and per-request values handlers read from the Hono context. Code every request runs
 * (session, authorization, the request log, the report save) reads them with `c.get(name)`: Hono's
 * `c.var` copies every variable into a new object on each read.
 */
export type AppEnv = {
  Variables: RequestIdVariables & {
    store: Store
    /** The server's clock; tests hand in a fixed one. */
    now: () => Date
    locale: Locale
    /** The request log: the app's logger bound to this request's `requestId` (see request-log.ts). */
    log: Logger
    /** Set by the session middleware for signed-in requests. */
    auth?: Auth
    /**
     * The unit tree's version the session query read: the request's first permission check uses
     * it instead of reading it again (see `requestTree`), later ones read their own.
     */
    unitTreeVersion?: number | undefined
    /**
     * Set when the session was taken from this process's cache instead of read (see session.ts):
     * what the operation's own statement must verify. Unset once the session is read.
     */
    sessionCheck?: SessionCheck | undefined
    options: AppSettings
  }
}

/** Settings that shape behaviour, all with defaults in `createApp`. */
export interface AppSettings {
  sessionTtlMs: number
  /** How failed log-ins per user name and per client address slow further ones (domain's `loginWait`). */
  loginThrottle: { account: LoginThrottle; address: LoginThrottle }
  /** How far back failed log-ins count. */
  loginWindowMs: number
  /**
   * Largest JSON body, bytes. A plan at `PLAN_LIMITS` (5,000 tasks, each with its units) is about
   * 1.5 MB of JSON: the default, 4 MB, takes it whole, so a plan imported from a document can be
   * saved back as JSON.
   */
  bodyLimit: number
  /** Largest upload (plan documents, score tables), bytes. */
  uploadLimit: number
  /** Mark cookies `Secure` (behind HTTPS). */
  secureCookies: boolean
  /** Largest backup a restore reads, bytes. */
  restoreLimit: number
  /**
   * The scrypt cost of the password hashes the API makes (new users, password changes) and of the
   * stand-in hash it verifies for an unknown user. `PASSWORD_COST` by default; tests pass a cheap
   * one (a hash at the production cost is ~0.25 s of CPU).
   */
  passwordCost: ScryptCost
  /**
   * The secret `papi ssh-serve` proves itself with (`PAPI_SSH_SECRET`); unset, SSH sign-in is off.
   * It only opens `POST /auth/ssh`, which still needs the user's own key signature.
   */
  sshGatewaySecret?: string | undefined
}
