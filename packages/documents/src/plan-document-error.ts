import { z } from 'zod'
import type { DocumentLimitName } from './document-limits'

export const PlanDocumentErrorCodeSchema = z.enum([
  'unreadable', // the file is damaged, empty or not text in a known encoding
  'unsupported-format', // a format papi does not read (.doc, .xls, .pdf…)
  'no-tasks-found', // the file reads, but holds no task table or numbered tasks
  'incomplete-plan', // toPlan: the document lacks what a saved plan needs (issuer, date…)
  'too-large', // over one of DOCUMENT_LIMITS or PLAN_LIMITS (unpacked size, paragraphs, rows, sections, tasks)
])
export type PlanDocumentErrorCode = z.infer<typeof PlanDocumentErrorCodeSchema>

/**
 * An expected failure to read a plan document. `message` is one line, fit to show as is
 * (CLI stderr, an API error body).
 *
 * @example
 * try { await readPlanDocument({ fileName: 'plan.pdf', data }) }
 * catch (e) { if (e instanceof PlanDocumentError) console.error(e.code, e.message) }
 */
export class PlanDocumentError extends Error {
  readonly code: PlanDocumentErrorCode
  /** For `too-large`: the limit the document exceeded and its value. */
  readonly limit?: { name: DocumentLimitName; max: number }

  constructor(
    code: PlanDocumentErrorCode,
    message: string,
    options?: { cause?: unknown; limit?: { name: DocumentLimitName; max: number } },
  ) {
    super(message.replace(/\s*\n\s*/g, ' '), options)
    this.name = 'PlanDocumentError'
    this.code = code
    if (options?.limit) this.limit = options.limit
  }
}

/**
 * Whether a value is a {@link PlanDocumentError} (also across module copies).
 *
 * @example
 * isPlanDocumentError(new PlanDocumentError('unreadable', 'empty file')) // true
 */
export function isPlanDocumentError(value: unknown): value is PlanDocumentError {
  return (
    value instanceof PlanDocumentError ||
    (value instanceof Error &&
      value.name === 'PlanDocumentError' &&
      PlanDocumentErrorCodeSchema.safeParse((value as { code?: unknown }).code).success)
  )
}
