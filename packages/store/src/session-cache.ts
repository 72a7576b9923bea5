import { hashToken } from './session-repository'

/** The channel migration 0013's triggers notify after any change that could end or alter a session. */
export const SESSIONS_CHANNEL = 'papi_sessions'

/** Listens on a channel of the database's own connection; answers how to stop. */
export type Listen = (channel: string, onNotice: () => void) => Promise<() => Promise<void>>

/** Sessions held at most: a province's staff many times over (each ~1 KB). */
const KEPT = 10_000

/**
 * Sessions with their users as this process read them, kept while nothing that could change them
 * has changed — for a database no other process writes (PGlite locks its folder to one process),
 * which tells this process of every such change (migration 0013): an ended session, a changed or
 * removed user, roles given or taken, the unit tree moved on. Every authorised request reads its
 * session first, ~0.7 ms of PGlite's one thread each (a third of a report save).
 *
 * Until the database listens nothing is kept; a read that was under way when a change arrived is
 * answered but not kept (it may have read the rows as they were).
 */
export function keptSessions<Found extends { session: { expiresAt: Date } }>(listen: Listen) {
  const kept = new Map<string, Found>()
  let generation = 0
  let listening = false
  const changed = () => {
    generation++
    kept.clear()
  }
  const stopping = listen(SESSIONS_CHANNEL, changed).then((stop) => {
    listening = true
    return stop
  })
  // A database that cannot listen keeps nothing; it still answers every read.
  stopping.catch(() => {})
  return {
    /** The session of `token` live at `now`, kept or read by `read`. */
    async find(token: string, now: Date, read: () => Promise<Found | undefined>): Promise<Found | undefined> {
      const tokenHash = hashToken(token)
      const held = kept.get(tokenHash)
      if (held) {
        if (held.session.expiresAt.getTime() > now.getTime()) return held
        kept.delete(tokenHash)
      }
      const keepable = listening
      const readAt = generation
      const found = await read()
      if (found && keepable && readAt === generation) {
        if (kept.size >= KEPT) kept.delete(kept.keys().next().value as string)
        kept.set(tokenHash, found)
      }
      return found
    },
    /** Stops listening and forgets every session. */
    async stop(): Promise<void> {
      listening = false
      changed()
      const stop = await stopping.catch(() => undefined)
      await stop?.().catch(() => {})
    },
  }
}
