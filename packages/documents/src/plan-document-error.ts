import { z } from 'zod'

export const PlanDocumentErrorCodeSchema = z.enum([
  'unreadable', // the file is damaged, empty or not text in a known encoding
  'unsupported-format', // a format papi does not read (.doc, .xls, .pdf…)
  'no-tasks-found', // the file reads, but holds no task table or numbered tasks
  'incomplete-plan', // toPlan: the document lacks what a saved plan needs (issuer, date…)
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

  constructor(code: PlanDocumentErrorCode, message: string, options?: { cause?: unknown }) {
    super(message.replace(/\s*\n\s*/g, ' '), options)
    this.name = 'PlanDocumentError'
    this.code = code
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
