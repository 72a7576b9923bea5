import {
  DEFAULT_LOCALE,
  stripDiacritics,
  type IndexResult,
  type Locale,
  type PeriodId,
  type PeriodRule,
  type Plan,
  type Report,
  type Unit,
} from '@papi/domain'
import { consolidatedReportModel, type ConsolidatedReportModel, type ReportNarrative } from './consolidated-report'
import { taskTableModel, type TaskTableModel } from './task-table'
import { writeConsolidatedReportCsv, writeConsolidatedReportDocx, writeConsolidatedReportXlsx } from './write-consolidated-report'
import { writeTaskTableCsv, writeTaskTableDocx, writeTaskTableXlsx } from './write-task-table'

import { EXPORT_FORMATS, EXPORT_MEDIA_TYPES, type ExportFormat } from './export-format'

export { EXPORT_FORMATS, EXPORT_MEDIA_TYPES, type ExportFormat }

/** What a plan's exports are drawn from: the store's `loadPlanExport` answers exactly this. */
export interface PlanExportSource {
  /** The plan, its tasks carrying the ids reports name. */
  plan: Plan
  units: readonly Unit[]
  /** Reports of every period on the plan (progress counts the latest filed one). */
  reports: readonly Report[]
  /** The period's own window and deadline when it is open on the plan; the plan's rules otherwise. */
  periodRule?: PeriodRule
  /** Days after a deadline before a report counts as late, as the period is opened on the plan. */
  graceDays?: number
  /** Published results of the plan's own unit: what its own targets are judged on. */
  results?: readonly IndexResult[]
  /** The standing agency's texts for the period's report, as stored; a request's own texts win. */
  narrative?: ReportNarrative
}

interface ExportOptions {
  /** The day the document is dated and its figures are judged on (ISO date or date-time). */
  asOf: string
  locale?: Locale
  /** Units whose work the reader may see; all when absent (see `consolidatedReportModel`). */
  visibleUnitIds?: ReadonlySet<string>
}

/** Which document to draw up: the task table (with each task's status when a period is given), or the period's report. */
export type PlanExportRequest =
  | (ExportOptions & { kind: 'tasks'; periodId?: PeriodId })
  | (ExportOptions & {
      kind: 'report'
      periodId: PeriodId
      /** The planner's texts for the report's written parts; placeholders stand in for those absent. */
      narrative?: ReportNarrative
      /** Who signs (see `consolidatedReportModel`); the plan's signer for the chair by default. */
      signer?: { name?: string; deputy?: boolean }
    })

/** A drawn-up document, ready for {@link writePlanExport}. */
export type PlanExport = { kind: 'tasks'; model: TaskTableModel } | { kind: 'report'; model: ConsolidatedReportModel }

/**
 * Draws up a plan's task table or consolidated report from what the store holds: the one path
 * the API's downloads and `papi export` share, so both write the same document.
 *
 * @throws RangeError on a period id that does not parse (check user input with `parsePeriod`).
 * @example
 * const data = await store.plans.exportData(planId, { periodId: '2018Q2' })
 * const doc = planExport(data, { kind: 'report', periodId: '2018Q2', asOf: new Date().toISOString() })
 * await writeFile('bao-cao.xlsx', await writePlanExport(doc, 'xlsx'))
 */
export function planExport(
  source: PlanExportSource,
  request: Extract<PlanExportRequest, { kind: 'tasks' }>,
): Extract<PlanExport, { kind: 'tasks' }>
export function planExport(
  source: PlanExportSource,
  request: Extract<PlanExportRequest, { kind: 'report' }>,
): Extract<PlanExport, { kind: 'report' }>
export function planExport(source: PlanExportSource, request: PlanExportRequest): PlanExport
export function planExport(source: PlanExportSource, request: PlanExportRequest): PlanExport {
  const { plan, units, reports } = source
  const { asOf, locale = DEFAULT_LOCALE, visibleUnitIds } = request
  const visible = visibleUnitIds === undefined ? {} : { visibleUnitIds }
  if (request.kind === 'tasks') {
    const status = request.periodId === undefined ? {} : { reports, periodId: request.periodId }
    return { kind: 'tasks', model: taskTableModel({ plan, units, asOf, locale, ...status, ...visible }) }
  }
  const periodRule = source.periodRule === undefined ? {} : { periodRule: source.periodRule }
  const grace = source.graceDays === undefined ? {} : { graceDays: source.graceDays }
  const results = source.results === undefined ? {} : { results: source.results }
  const written = {
    ...(source.narrative !== undefined && { narrative: source.narrative }),
    ...(request.narrative !== undefined && { narrative: request.narrative }),
    ...(request.signer !== undefined && { signer: request.signer }),
  }
  return {
    kind: 'report',
    model: consolidatedReportModel({
      plan,
      units,
      reports,
      periodId: request.periodId,
      asOf,
      locale,
      ...periodRule,
      ...grace,
      ...results,
      ...visible,
      ...written,
    }),
  }
}

/**
 * The document's bytes in a format.
 *
 * @example
 * const bytes = await writePlanExport(planExport(data, { kind: 'tasks', asOf }), 'docx')
 */
export function writePlanExport(doc: PlanExport, format: ExportFormat): Promise<Uint8Array> {
  if (doc.kind === 'tasks') {
    const write = { xlsx: writeTaskTableXlsx, docx: writeTaskTableDocx, csv: writeTaskTableCsv }[format]
    return write(doc.model)
  }
  const write = { xlsx: writeConsolidatedReportXlsx, docx: writeConsolidatedReportDocx, csv: writeConsolidatedReportCsv }[format]
  return write(doc.model)
}

const NAMES: Readonly<Record<PlanExport['kind'], Readonly<Record<Locale, string>>>> = {
  tasks: { vi: 'Biểu tổng hợp nhiệm vụ', en: 'Task table' },
  report: { vi: 'Báo cáo', en: 'Report' },
}

/**
 * A file name for the document: `unicode` as a reader would write it, `ascii` without diacritics
 * or spaces for places that take nothing else (the plain `filename` of a download).
 *
 * @example
 * exportFileName(report, 'xlsx') // { unicode: 'Báo cáo 97-KH-UBND 2018Q2.xlsx', ascii: 'bao-cao-97-KH-UBND-2018Q2.xlsx' }
 */
export function exportFileName(doc: PlanExport, format: ExportFormat): { unicode: string; ascii: string } {
  const name = NAMES[doc.kind][doc.model.locale]
  // "97/KH-UBND": a slash cannot stand in a file name.
  const number = doc.model.document.plan.number.replace(/[\\/]+/g, '-').replace(/^-+|-+$/g, '')
  const periodId = doc.model.period?.id
  const parts = [name, number, periodId].filter((p): p is string => p !== undefined && p !== '')
  return {
    unicode: `${parts.join(' ')}.${format}`,
    ascii: `${[asciiSlug(name).toLowerCase(), ...parts.slice(1).map(asciiSlug)].filter(Boolean).join('-')}.${format}`,
  }
}

/** Letters without diacritics ("Đ" → "D"), anything else but digits, "." and "_" as one "-". */
function asciiSlug(text: string): string {
  return stripDiacritics(text)
    .replace(/[^A-Za-z0-9._]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
