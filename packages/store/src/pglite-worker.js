// @ts-check
// The PGlite database on its own thread (started by pglite-thread.ts): it runs the statements the
// server's thread sends, so a long one no longer holds the server's event loop (#11). Plain
// JavaScript, so it starts as it is from src/ (tests, `tsx` servers) and from dist/ alike.
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'

/** @typedef {import('./pglite-thread').PgliteRequest} PgliteRequest */
/** @typedef {import('./pglite-thread').PgliteResponse} PgliteResponse */
/** @typedef {import('@electric-sql/pglite').Transaction} Transaction */

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort)
/** @type {{ dataDir?: string; loadDataDir?: ArrayBuffer; textTypes: number[] }} */
const { dataDir, loadDataDir, textTypes } = workerData
/** Thrown into a transaction's body to roll it back: the caller's body failed. */
const ROLLBACK = Symbol('rollback')
const keep = (/** @type {unknown} */ value) => value

/** @param {PgliteResponse} response */
const reply = (response) => port.postMessage(response)

/**
 * An error as data: its message, name and every plain field (`code`, `detail`, `constraint`…);
 * the statement's options (functions) stay behind.
 * @param {unknown} error
 */
function errorData(error) {
  if (!(error instanceof Error)) return { message: String(error), name: 'Error' }
  /** @type {Record<string, string | number | boolean | null>} */
  const fields = {}
  for (const [key, value] of Object.entries(error))
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value
  return { ...fields, message: error.message, name: error.name }
}

/** How to stop listening, by channel. */
/** @type {Map<string, () => Promise<void>>} */
const unlisten = new Map()

/** Open transactions by id: the PGlite transaction, how to end it, and its end. */
/** @type {Map<number, { tx: Transaction; end: (commit: boolean) => void; done: Promise<unknown> }>} */
const open = new Map()

const db = await PGlite.create({
  ...(dataDir && { dataDir }),
  ...(loadDataDir && { loadDataDir: new Blob([loadDataDir]) }),
}).catch((/** @type {unknown} */ error) => {
  reply({ id: 0, ok: false, error: errorData(error) })
  return undefined
})
if (db) {
  // drizzle's text types stay text on this database, whatever a statement names (pglite-client.ts).
  for (const type of textTypes) db.parsers[type] = keep
  reply({ id: 0, ok: true, value: null })
}

port.on('message', async (/** @type {PgliteRequest} */ request) => {
  if (!db) return
  const { id } = request
  try {
    if (request.op === 'query') {
      const on = request.tx === undefined ? db : open.get(request.tx)?.tx
      if (!on) throw new Error(`no open transaction ${request.tx}`)
      // The caller's parsers run on its side: here their types stay text, as PGlite received them.
      const { rawTypes } = request
      const options = rawTypes
        ? { rowMode: request.rowMode, parsers: Object.fromEntries(rawTypes.map((type) => [type, keep])) }
        : { rowMode: request.rowMode }
      const { rows, fields, affectedRows } = await on.query(request.sql, request.params, options)
      reply({ id, ok: true, value: { rows, fields, affectedRows } })
    } else if (request.op === 'listen') {
      // The notice is posted while the committing statement's answer is still to come.
      const { channel } = request
      unlisten.set(channel, await db.listen(channel, () => port.postMessage({ notice: channel })))
      reply({ id, ok: true, value: null })
    } else if (request.op === 'unlisten') {
      await unlisten.get(request.channel)?.()
      unlisten.delete(request.channel)
      reply({ id, ok: true, value: null })
    } else if (request.op === 'begin') {
      // The transaction stays open across messages until its `end`: PGlite holds every other
      // statement back meanwhile, as it does on one thread.
      /** @type {(commit: boolean) => void} */
      let end = () => {}
      const commit = new Promise((resolve) => (end = resolve))
      /** @type {{ tx?: Transaction; end: (commit: boolean) => void; done?: Promise<unknown> }} */
      const entry = { end }
      entry.done = db.transaction(async (tx) => {
        entry.tx = tx
        open.set(id, /** @type {{ tx: Transaction; end: (commit: boolean) => void; done: Promise<unknown> }} */ (entry))
        reply({ id, ok: true, value: null })
        if (!(await commit)) throw ROLLBACK
      })
      entry.done.catch((error) => {
        // BEGIN itself failed: the caller still waits for its answer.
        if (!entry.tx) reply({ id, ok: false, error: errorData(error) })
      })
    } else if (request.op === 'end') {
      const transaction = open.get(request.tx)
      if (!transaction) throw new Error(`no open transaction ${request.tx}`)
      open.delete(request.tx)
      transaction.end(request.commit)
      await transaction.done.catch((error) => {
        if (error !== ROLLBACK) throw error
      })
      reply({ id, ok: true, value: null })
    } else if (request.op === 'close') {
      await db.close()
      reply({ id, ok: true, value: null })
    }
  } catch (error) {
    reply({ id, ok: false, error: errorData(error) })
  }
})
