// Internal: the task table as a document — columns in the appendix's order, one group row per
// section, one row per task.
import { enumLabel, formatDate, formatTimeframe } from '@papi/domain'
import { nationalHeading } from '../national-heading'
import type { TaskTableModel } from '../task-table'
import type { ColumnSpec, DocumentSpec, RowSpec, TableSpec } from './layout'
import { VOCABULARY } from './vocabulary'

/** The task table laid out for Word and Excel: heading, title, and the table on A4 landscape. */
export function taskTableDocument(model: TaskTableModel): DocumentSpec {
  const words = VOCABULARY[model.locale]
  const { document } = model
  const planRef = words.planRef(document.plan.number, formatDate(document.plan.issuedOn, model.locale), document.plan.issuer)
  return {
    locale: model.locale,
    heading: nationalHeading({
      issuer: document.issuer,
      ...(document.place !== undefined && { place: document.place }),
      date: document.date,
      locale: model.locale,
    }),
    title: [words.taskTableTitle],
    subtitle: [
      words.attachedTo(planRef),
      ...(model.period ? [words.statusAsOf(model.period.label, formatDate(model.period.asOf, model.locale))] : []),
    ],
    paragraphs: [],
    tables: [taskTable(model)],
    orientation: 'landscape',
  }
}

/** The table alone: what the CSV carries, section rows included as the appendix prints them. */
export function taskTable(model: TaskTableModel): TableSpec {
  const words = VOCABULARY[model.locale]
  const withStatus = model.period !== undefined
  const columns: ColumnSpec[] = [
    { header: words.no, width: 7, align: 'center' },
    { header: words.task, width: withStatus ? 48 : 56, label: true },
    { header: words.lead, width: 26 },
    { header: words.coordinators, width: 26 },
    { header: words.timeframe, width: 22 },
    ...(withStatus
      ? [
          { header: words.status, width: 15 },
          { header: words.progress, width: 10, align: 'right' as const },
        ]
      : []),
  ]
  const rows: RowSpec[] = model.sections.flatMap((section): RowSpec[] => [
    { kind: 'group', cells: [section.code, section.title, ...columns.slice(2).map(() => null)] },
    ...section.tasks.map(
      (task): RowSpec => ({
        kind: 'item',
        cells: [
          task.code,
          task.title,
          task.lead.join('; '),
          task.coordinators.join('; '),
          formatTimeframe(task.timeframe, model.locale),
          ...(withStatus
            ? [
                task.status ? enumLabel('taskOutcome', task.status.outcome, model.locale) : null,
                task.status?.progress === null || task.status === undefined ? null : { percent: task.status.progress },
              ]
            : []),
        ],
      }),
    ),
  ])
  return { sheetName: model.locale === 'vi' ? 'Biểu tổng hợp nhiệm vụ' : 'Tasks', columns, rows }
}
