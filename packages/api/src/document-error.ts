import type { PlanDocumentError } from '@papi/documents/schemas'
import { ApiError } from './api-error'

/**
 * The API's answer to a document papi will not read: 413 when it is past a limit (the limit and
 * its value in `details`), 422 otherwise; `details.message` says why in the caller's language.
 *
 * @example
 * throw documentError(error) // { code: 'too-large', details: { reason: 'too-large', limit: 'rows', max: 10000, message: '…' } }
 */
export function documentError(error: PlanDocumentError): ApiError {
  if (error.code === 'too-large') {
    return new ApiError('too-large', { reason: error.code, limit: error.limit?.name, max: error.limit?.max, message: error.message })
  }
  return new ApiError('invalid', { reason: error.code, message: error.message })
}
