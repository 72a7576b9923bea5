// Internal: sections and tasks as a reader found them, before timeframes, dimensions and
// assignee matching are applied (read-plan-document.ts does that, the same for every format).

import type { ParsedAssignee } from '@papi/domain'
import type { SourceRef } from './document-content'

export interface RawTask {
  code: string
  title: string
  lead: ParsedAssignee[]
  coordinators: ParsedAssignee[]
  /** The time as written; `undefined` when the document gives the task no time at all. */
  time?: string
  source: SourceRef
}

export interface RawSection {
  code: string
  title: string
  tasks: RawTask[]
  source: SourceRef
  /** Made up by the reader because tasks came before any section row. */
  implicit?: boolean
}
