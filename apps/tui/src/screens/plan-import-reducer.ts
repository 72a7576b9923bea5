import { unitsChangingAlike } from '@papi/domain'
import type { Messages } from '../i18n'

/**
 * The steps of importing a plan document, as a pure reducer: ask for the file and scope, read the
 * dry run, show its preview and warnings — for a plan already stored, the revision confirming
 * would make — and store it once confirmed (a revision names the version it was reviewed against).
 */
export type PlanImportState =
  | { step: 'idle' }
  | { step: 'reading'; file: string; scopeUnitId: string }
  | { step: 'preview'; file: string; scopeUnitId: string; preview: ImportPreview }
  | { step: 'storing'; file: string; scopeUnitId: string; version?: number }
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
  /** When the document's plan is stored already: what confirming changes (the dry run's `stored`). */
  revision?: RevisionPreview | undefined
}

type Role = 'lead' | 'coordinator'
type Assignment = { taskCode: string; role: Role }

/** A re-imported plan's revision, as the API's dry run answers it (`stored`). */
export interface RevisionPreview {
  /** The stored plan's number. */
  number: string
  status: 'draft' | 'published' | 'archived'
  /** The stored version it was worked out from: the confirm sends it back (a plan changed since answers 409). */
  version: number
  /** False when the document says exactly what is stored. */
  changed: boolean
  tasks: readonly { code: string; title: string; change: 'added' | 'updated' | 'removed' | 'kept' }[]
  units: readonly { unitName: string; gained: readonly Assignment[]; lost: readonly Assignment[]; kept: readonly Assignment[] }[]
}

/** What the API's dry run answers as `stored` for a plan already stored (PlanImportDryRun). */
export interface StoredRevisionAnswer {
  number: string
  outcome: 'updated' | 'unchanged'
  revision?:
    | {
        basedOn: { version: number; status: RevisionPreview['status'] }
        tasks: RevisionPreview['tasks']
        units: RevisionPreview['units']
      }
    | undefined
}

/** The dry run's `stored` part as the TUI shows it; undefined for a new plan. */
export function revisionOf(stored: StoredRevisionAnswer | undefined): RevisionPreview | undefined {
  if (stored?.revision === undefined) return undefined
  return {
    number: stored.number,
    status: stored.revision.basedOn.status,
    version: stored.revision.basedOn.version,
    changed: stored.outcome === 'updated',
    tasks: stored.revision.tasks,
    units: stored.revision.units,
  }
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
    case 'confirm': {
      // A document that is no plan cannot be stored, whatever is pressed; one that changes
      // nothing in the stored plan has nothing to store.
      if (state.step !== 'preview' || state.preview.problem || state.preview.revision?.changed === false) return state
      const revision = state.preview.revision
      return { step: 'storing', file: state.file, scopeUnitId: state.scopeUnitId, ...(revision && { version: revision.version }) }
    }
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

/**
 * What confirming a re-import changes, for the preview panel: the stored plan and its version,
 * the counts, every task added, changed, removed or kept because reported on, then unit by unit
 * the tasks it gains, drops or keeps (units changing alike on one line: 143 communes gaining a
 * task read as one), as the web's revision view shows them.
 */
export function revisionLines(revision: RevisionPreview, m: Messages, statusLabel: string): string[] {
  const head = m.revisionTitle(revision.number, statusLabel, revision.version, revision.changed)
  if (!revision.changed) return [head, m.revisionUnchanged]
  const count = (change: string) => revision.tasks.filter((t) => t.change === change).length
  const mark = { added: '+', updated: '~', removed: '-', kept: '=' } as const
  const list = (items: readonly Assignment[]) => items.map((a) => `${a.taskCode} (${m.revisionRole[a.role]})`).join(', ')
  const lines = [head, m.revisionCounts(count('added'), count('updated'), count('removed'), count('kept'), revision.units.length)]
  if (revision.tasks.length > 0) {
    lines.push('', m.revisionTasks)
    for (const t of revision.tasks) lines.push(`${mark[t.change]} ${t.code}  ${t.title} — ${m.revisionChange[t.change]}`)
  }
  const groups = unitsChangingAlike(revision.units)
  if (groups.length > 0) {
    lines.push('', m.revisionUnits)
    for (const { names, unit } of groups) {
      const who = names.length > 3 ? m.revisionUnitGroup(names.slice(0, 2).join(', '), names.length - 2) : names.join(', ')
      const what = [
        unit.gained.length > 0 ? `${m.revisionGained} ${list(unit.gained)}` : '',
        unit.lost.length > 0 ? `${m.revisionLost} ${list(unit.lost)}` : '',
        unit.kept.length > 0 ? `${m.revisionKept} ${list(unit.kept)}` : '',
      ].filter(Boolean)
      lines.push(`• ${who}: ${what.join('; ')}`)
    }
  }
  return lines
}
