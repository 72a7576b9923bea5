import { Worker } from 'node:worker_threads'
import type { QueryOptions, Results } from '@electric-sql/pglite'
import { DRIZZLE_TEXT_TYPES, namesTextTypesOnly } from './pglite-client'

/** @internal What the caller's thread sends the PGlite worker (pglite-worker.js). */
export type PgliteRequest =
  | {
      id: number
      op: 'query'
      sql: string
      params?: unknown[]
      rowMode?: 'array' | 'object'
      /**
       * Types whose values come back as text: the caller parses them with its own parsers. Left out
       * for drizzle's text types (`DRIZZLE_TEXT_TYPES`), which the worker's database keeps as text.
       */
      rawTypes?: number[]
      /** The open transaction the statement belongs to, if any. */
      tx?: number
    }
  | { id: number; op: 'listen' | 'unlisten'; channel: string }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'close' }

/**
 * @internal What it answers (id 0: the database is open, or why not), and the notices of the
 * channels it listens on, each sent before the answer to the statement that committed it.
 */
export type PgliteResponse =
  | { id: number; ok: true; value: Results | null }
  | { id: number; ok: false; error: { message: string; name: string } & Record<string, unknown> }
  | { notice: string }

/** A statement's runner: the database, or one open transaction on it. */
export interface PgliteQueries {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>
}

/**
 * What drizzle's PGlite driver calls on its client — `query` and `transaction` — served by a
 * PGlite on a worker thread.
 */
export interface PgliteOnThread extends PgliteQueries {
  transaction<T>(body: (tx: PgliteQueries) => Promise<T>): Promise<T>
  /** Listens on a channel (its notices reach `onNotice` before the committing statement's answer); answers how to stop. */
  listen(channel: string, onNotice: () => void): Promise<() => Promise<void>>
  close(): Promise<void>
}

type WithoutId<R> = R extends unknown ? Omit<R, 'id'> : never

/** The worker's error as the caller's: an Error with the same message, name and fields (`code`…). */
function rebuilt(error: { message: string; name: string } & Record<string, unknown>): Error {
  const { message, name, ...fields } = error
  return Object.assign(new Error(message), fields, { name })
}

/**
 * Opens PGlite on a worker thread (#11: a province dashboard held the server's event loop for a
 * second, and every health check and request waited behind it): the server's thread sends each
 * statement and gets its rows back; a transaction stays open in the worker across messages, so
 * drizzle's transactions, savepoints and rollbacks mean what they mean on one thread. The
 * parsers a statement names run on the caller's side, over the values the worker leaves as text.
 *
 * @example
 * const client = await openPgliteOnThread({ dataDir: './.papi-data' })
 * const db = drizzle({ client: client as unknown as PGlite })
 */
export async function openPgliteOnThread(options: { dataDir?: string; loadDataDir?: Blob }): Promise<PgliteOnThread> {
  const loadDataDir = options.loadDataDir && (await options.loadDataDir.arrayBuffer())
  // From src/ and dist/ alike: the worker is plain JavaScript beside this file (dist/ gets its copy from tsup).
  const worker = new Worker(new URL('./pglite-worker.js', import.meta.url), {
    workerData: { dataDir: options.dataDir, loadDataDir, textTypes: DRIZZLE_TEXT_TYPES },
    ...(loadDataDir && { transferList: [loadDataDir] }),
  })
  const pending = new Map<number, { resolve: (value: Results | null) => void; reject: (error: Error) => void }>()
  let nextId = 1
  let stopped: Error | undefined
  const stop = (error: Error) => {
    stopped ??= error
    for (const { reject } of pending.values()) reject(stopped)
    pending.clear()
  }
  const listeners = new Map<string, Set<() => void>>()
  worker.on('message', (response: PgliteResponse) => {
    if ('notice' in response) {
      for (const onNotice of listeners.get(response.notice) ?? []) onNotice()
      return
    }
    const waiting = pending.get(response.id)
    if (!waiting) return
    pending.delete(response.id)
    if (pending.size === 0) worker.unref()
    if (response.ok) waiting.resolve(response.value)
    else waiting.reject(rebuilt(response.error))
  })
  worker.on('error', (error) => stop(error))
  worker.on('exit', (code) => stop(new Error(`the PGlite worker stopped (exit code ${code})`)))

  const answer = (id: number) =>
    new Promise<Results | null>((resolve, reject) => {
      if (stopped) return reject(stopped)
      pending.set(id, { resolve, reject })
      // Waiting for an answer keeps the process alive; an idle worker does not.
      worker.ref()
    })
  const send = (request: WithoutId<PgliteRequest>, id = nextId++) => {
    const answered = answer(id)
    worker.postMessage({ ...request, id })
    return answered
  }

  const query = async <T>(sql: string, params: unknown[] | undefined, options: QueryOptions | undefined, tx?: number) => {
    // drizzle's statements name its text types alone, which the worker's database keeps as text.
    if (namesTextTypesOnly(options?.parsers)) {
      return (await send({ op: 'query', sql, params, rowMode: options?.rowMode, tx })) as Results<T>
    }
    const parsers = options?.parsers ?? {}
    const results = (await send({
      op: 'query',
      sql,
      params,
      rowMode: options?.rowMode,
      rawTypes: Object.keys(parsers).map(Number),
      tx,
    })) as Results<T>
    parse(results, parsers)
    return results
  }

  await answer(0)
  return {
    query: (sql, params, options) => query(sql, params, options),
    async transaction(body) {
      // The transaction is named by the id of its `begin`.
      const begun = nextId++
      await send({ op: 'begin' }, begun)
      let result: Awaited<ReturnType<typeof body>>
      try {
        result = await body({ query: (sql, params, options) => query(sql, params, options, begun) })
      } catch (error) {
        await send({ op: 'end', tx: begun, commit: false }).catch(() => {})
        throw error
      }
      await send({ op: 'end', tx: begun, commit: true })
      return result
    },
    async listen(channel, onNotice) {
      const heard = listeners.get(channel) ?? new Set()
      listeners.set(channel, heard)
      heard.add(onNotice)
      if (heard.size === 1) await send({ op: 'listen', channel })
      return async () => {
        if (!heard.delete(onNotice) || heard.size > 0) return
        listeners.delete(channel)
        if (!stopped) await send({ op: 'unlisten', channel })
      }
    },
    async close() {
      if (!stopped) await send({ op: 'close' }).catch(() => {})
      await worker.terminate()
    },
  }
}

/** Runs the statement's parsers over the values of their types (left as text by the worker). */
function parse(results: Results<unknown>, parsers: NonNullable<QueryOptions['parsers']>) {
  const columns = results.fields.flatMap((field, index) => {
    const parser = parsers[field.dataTypeID]
    return parser ? [{ key: index, name: field.name, parser }] : []
  })
  if (columns.length === 0) return
  for (const row of results.rows as Record<string | number, unknown>[]) {
    for (const { key, name, parser } of columns) {
      const at = Array.isArray(row) ? key : name
      const value = row[at]
      if (typeof value === 'string') row[at] = parser(value)
    }
  }
}
