import type { Framework } from '@papi/domain'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { errorMessage } from './internal/messages'
import { DOCUMENT_LIMITS, limitWords, type DocumentLimitName } from './document-limits'
import { PlanDocumentError, type PlanDocumentErrorCode } from './plan-document-error'
import type { PlanImport } from './plan-import'
import type { PlanDocumentFile, ReadPlanOptions } from './read-plan-document'
import type { ScoreCsvOptions, ScoreCsvRead } from './score-csv'

/** @internal What the host sends its worker: a plan document, or a score table (by its framework's id). */
export type PlanReaderRequest =
  | { id: number; kind: 'plan'; file: PlanDocumentFile; options: Omit<ReadPlanOptions, 'onProgress'> }
  | { id: number; kind: 'score-csv'; text: string; frameworkId: string; year: number; options: ScoreCsvOptions }

/** @internal What the worker answers. */
export type PlanReaderResponse =
  | { id: number; ok: true; value: PlanImport | ScoreCsvRead }
  | { id: number; ok: false; error: { code?: PlanDocumentErrorCode; message: string; limit?: { name: DocumentLimitName; max: number } } }

/** Memory one reading may take in its worker: past it the worker dies and the document is refused as too large. */
const WORKER_HEAP_MB = 512

let worker: Worker | undefined
let nextId = 1
// One document at a time: imports are rare, and a queue bounds what they take together.
let queue: Promise<unknown> = Promise.resolve()

function startWorker(): Worker {
  const here = import.meta.url
  const options = { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }
  let started: Worker
  if (here.endsWith('.ts')) {
    // From the sources (tests, `tsx` dev servers) the worker is TypeScript too: a bootstrap
    // registers tsx's loader in the worker, then loads it; workspace packages resolve to their sources.
    // (tsx's ESM API file; its package exports hand require() a CommonJS build that cannot load here.)
    const tsxRoot = dirname(createRequire(here).resolve('tsx/package.json'))
    const tsx = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href
    const script = new URL('./plan-reader-worker.ts', here).href
    const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}) })`
    started = new Worker(bootstrap, { ...options, eval: true, execArgv: ['--conditions=source'] })
  } else {
    // Built: dist/plan-reader-worker.js beside this file.
    started = new Worker(new URL('./plan-reader-worker.js', here), options)
  }
  // An idle worker does not keep the process alive.
  started.unref()
  started.on('exit', () => {
    if (worker === started) worker = undefined
  })
  return started
}

function readOnWorker<T extends PlanImport | ScoreCsvRead>(request: PlanReaderRequest): Promise<T> {
  worker ??= startWorker()
  const current = worker
  return new Promise<T>((resolve, reject) => {
    const done = () => {
      current.off('message', onMessage)
      current.off('error', onError)
      current.off('exit', onExit)
      current.unref()
    }
    const onMessage = (response: PlanReaderResponse) => {
      if (response.id !== request.id) return
      done()
      if (response.ok) resolve(response.value as T)
      else if (response.error.code) {
        const { code, message, limit } = response.error
        reject(new PlanDocumentError(code, message, limit ? { limit } : {}))
      } else reject(new Error(`plan reader: ${response.error.message}`))
    }
    const onError = (error: Error) => {
      done()
      worker = undefined
      void current.terminate()
      // The heap limit: the document needed more memory than any plan does.
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        const named = request.kind === 'plan' ? request.file.fileName : (request.options.fileName ?? 'CSV')
        const fileName = named.split(/[\\/]/).pop() ?? named
        const locale = request.options.locale ?? 'vi'
        const limit = limitWords('unpackedBytes', DOCUMENT_LIMITS.unpackedBytes, locale)
        reject(
          new PlanDocumentError('too-large', errorMessage('too-large', { file: fileName, limit }, locale), {
            limit: { name: 'unpackedBytes', max: DOCUMENT_LIMITS.unpackedBytes },
          }),
        )
      } else reject(error)
    }
    const onExit = (exitCode: number) => {
      done()
      reject(new Error(`plan reader worker exited (${exitCode})`))
    }
    current.on('message', onMessage)
    current.on('error', onError)
    current.on('exit', onExit)
    current.ref()
    current.postMessage(request)
  })
}

/**
 * {@link readPlanDocument} on a worker thread: the same answer, while the caller's event loop
 * stays free — a server keeps answering other requests while a large document is read (#10
 * hole 5: a document at the limits held the event loop for up to 7 s). Documents are read one
 * at a time on one worker, started on first use and kept; its heap is capped at 512 MB (a
 * document that needs more is refused as too large). No progress callbacks.
 *
 * @example
 * const plan = await readPlanDocumentInWorker({ fileName: 'kh.docx', data }, { units, scopeUnitId: 'kien-giang' })
 */
export function readPlanDocumentInWorker(file: PlanDocumentFile, options: Omit<ReadPlanOptions, 'onProgress'> = {}): Promise<PlanImport> {
  return enqueue<PlanImport>({ id: nextId++, kind: 'plan', file, options })
}

function enqueue<T extends PlanImport | ScoreCsvRead>(request: PlanReaderRequest): Promise<T> {
  const result = queue.then(() => readOnWorker<T>(request))
  queue = result.catch(() => {})
  return result
}

/**
 * {@link readScoreCsv} on the same worker thread: a table at the limits (10 000 rows, ~10 MB)
 * took seconds of the event loop, and every other request waited (#10 hole 5).
 *
 * @example
 * const { rows, issues } = await readScoreCsvInWorker(text, frameworkById('papi-2009')!, 2017, { locale: 'en' })
 */
export function readScoreCsvInWorker(
  text: string,
  framework: Framework,
  year: number,
  options: ScoreCsvOptions = {},
): Promise<ScoreCsvRead> {
  return enqueue<ScoreCsvRead>({ id: nextId++, kind: 'score-csv', text, frameworkId: framework.id, year, options })
}

/**
 * Stops the worker, if one runs (a server shutting down, a test's end).
 *
 * @example
 * await stopPlanReader()
 */
export async function stopPlanReader(): Promise<void> {
  const running = worker
  worker = undefined
  await running?.terminate()
}
