// The worker thread of readPlanDocumentInWorker and readScoreCsvInWorker: reads one document at a time, as asked, and
// answers with the import or the error (its code, message and limit: an Error does not cross
// threads as itself). Not imported by anything; started by read-plan-document-in-worker.ts.
import { parentPort } from 'node:worker_threads'
import { frameworkById } from '@papi/domain'
import { isPlanDocumentError } from './plan-document-error'
import { readPlanDocument } from './read-plan-document'
import type { PlanReaderRequest, PlanReaderResponse } from './read-plan-document-in-worker'
import { readScoreCsv } from './score-csv'

parentPort?.on('message', async (request: PlanReaderRequest) => {
  let response: PlanReaderResponse
  try {
    if (request.kind === 'plan') {
      response = { id: request.id, ok: true, value: await readPlanDocument(request.file, request.options) }
    } else {
      const framework = frameworkById(request.frameworkId)
      if (!framework) throw new Error(`unknown framework ${request.frameworkId}`)
      response = { id: request.id, ok: true, value: readScoreCsv(request.text, framework, request.year, request.options) }
    }
  } catch (error) {
    response = isPlanDocumentError(error)
      ? { id: request.id, ok: false, error: { code: error.code, message: error.message, ...(error.limit && { limit: error.limit }) } }
      : { id: request.id, ok: false, error: { message: error instanceof Error ? (error.stack ?? error.message) : String(error) } }
  }
  parentPort?.postMessage(response)
})
