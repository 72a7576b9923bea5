/**
 * The steps of importing a plan document, as a pure reducer: ask for the file and scope, read the
 * dry run, show its preview and warnings, store it once confirmed.
 */
export type PlanImportState =
  | { step: 'idle' }
  | { step: 'reading'; file: string; scopeUnitId: string }
  | { step: 'preview'; file: string; scopeUnitId: string; preview: ImportPreview }
  | { step: 'storing'; file: string; scopeUnitId: string }
  | { step: 'done'; number: string }
  | { step: 'failed'; message: string }

export interface ImportPreview {
  number: string
  title: string
  sections: number
  tasks: number
  warnings: readonly string[]
  /** Why the document cannot become a plan, if it cannot. */
  problem?: string | undefined
}

export type PlanImportEvent =
  | { type: 'start'; file: string; scopeUnitId: string }
  | { type: 'dryRun'; preview: ImportPreview }
  | { type: 'confirm' }
  | { type: 'stored'; number: string }
  | { type: 'cancel' }
  | { type: 'fail'; message: string }

export function planImportReducer(state: PlanImportState, event: PlanImportEvent): PlanImportState {
  switch (event.type) {
    case 'start':
      return { step: 'reading', file: event.file, scopeUnitId: event.scopeUnitId }
    case 'dryRun':
      return state.step === 'reading' ? { ...state, step: 'preview', preview: event.preview } : state
    case 'confirm':
      // A document that is no plan cannot be stored, whatever is pressed.
      return state.step === 'preview' && !state.preview.problem
        ? { step: 'storing', file: state.file, scopeUnitId: state.scopeUnitId }
        : state
    case 'stored':
      return state.step === 'storing' ? { step: 'done', number: event.number } : state
    case 'cancel':
      return { step: 'idle' }
    case 'fail':
      return { step: 'failed', message: event.message }
  }
}

/** What the preview panel lists: the header, the counts, then every warning. */
export function previewLines(preview: ImportPreview, summary: string): string[] {
  return [
    `${preview.number} — ${preview.title}`,
    summary,
    ...(preview.problem ? [`! ${preview.problem}`] : []),
    ...preview.warnings.map((w) => `• ${w}`),
  ]
}
