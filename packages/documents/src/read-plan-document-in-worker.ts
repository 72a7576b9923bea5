import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { errorMessage } from './internal/messages'
import { DOCUMENT_LIMITS, limitWords, type DocumentLimitName } from './document-limits'
import { PlanDocumentError, type PlanDocumentErrorCode } from './plan-document-error'
import type { PlanImport } from './plan-import'
import type { PlanDocumentFile, ReadPlanOptions } from './read-plan-document'

/** @internal What the host sends its worker. */
export interface PlanReaderRequest {
  id: number
  file: PlanDocumentFile
  options: Omit<ReadPlanOptions, 'onProgress'>
}

/** @internal What the worker answers. */
export type PlanReaderResponse =
  | { id: number; ok: true; value: PlanImport }
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

function readOnWorker(request: PlanReaderRequest): Promise<PlanImport> {
  worker ??= startWorker()
  const current = worker
  return new Promise<PlanImport>((resolve, reject) => {
    const done = () => {
      current.off('message', onMessage)
      current.off('error', onError)
      current.off('exit', onExit)
      current.unref()
    }
    const onMessage = (response: PlanReaderResponse) => {
      if (response.id !== request.id) return
      done()
      if (response.ok) resolve(response.value)
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
        const fileName = request.file.fileName.split(/[\\/]/).pop() ?? request.file.fileName
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
  const request: PlanReaderRequest = { id: nextId++, file, options }
  const result = queue.then(() => readOnWorker(request))
  queue = result.catch(() => {})
  return result
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
