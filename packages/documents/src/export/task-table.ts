import {
  DEFAULT_LOCALE,
  localDateOf,
  periodLabel,
  progressRollup,
  taskDueDate,
  type IsoDate,
  type Locale,
  type PeriodId,
  type Plan,
  type Report,
  type TaskOutcome,
  type Timeframe,
  type Unit,
} from '@papi/domain'
import { documentInfo, type DocumentInfo } from './document-info'
import { assigneeName, planContext, taskAssignments, taskIdOf, visibleReports } from './internal/plan-context'

export interface TaskTableInput {
  plan: Plan
  /** The organisation; lets assignees be named and progress be counted. */
  units?: readonly Unit[]
  /** With `periodId` and `asOf`, adds each task's outcome and progress (reports of any period). */
  reports?: readonly Report[]
  periodId?: PeriodId
  /** The day the table is drawn up, and the day outcomes are judged on; the plan's issue date when absent. */
  asOf?: string
  locale?: Locale
  /** Issuing body of the table when it is not the plan's issuer. */
  issuer?: string
  /**
   * The units whose work the reader may see (a reporter's own unit, a viewer's subtree): other
   * units' assignments and reports are left out of the status. All units when absent.
   */
  visibleUnitIds?: ReadonlySet<string>
}

/** A task's standing at the period's report: the Government Office's outcome and the rolled-up progress. */
export interface TaskTableStatus {
  outcome: TaskOutcome
  /** 0–100; null when no unit is assigned to drive it. */
  progress: number | null
  dueDate?: IsoDate
}

export interface TaskTableRow {
  taskId: string
  code: string
  title: string
  /** Lead assignees in words (the plan's own words in Vietnamese). */
  lead: string[]
  coordinators: string[]
  timeframe: Timeframe
  status?: TaskTableStatus
}

export interface TaskTableSection {
  code: string
  title: string
  tasks: TaskTableRow[]
}

/** The "Biểu tổng hợp nhiệm vụ" of a plan, ready for a writer. */
export interface TaskTableModel {
  locale: Locale
  document: DocumentInfo
  /** Present when the table carries a status column. */
  period?: { id: PeriodId; label: string; asOf: IsoDate }
  sections: TaskTableSection[]
}

/**
 * The task table of a plan (STT, task, lead, coordinators, time, and with reports the status),
 * section by section as the plan's appendix lays it out. With `reports`, `periodId` and `asOf`
 * each task gets its outcome and progress from `progressRollup`, due dates from `taskDueDate`.
 *
 * @throws TypeError when `reports` come without `periodId` and `asOf` (a caller bug).
 * @example
 * const model = taskTableModel({ plan: kienGiang })
 * model.sections[1]?.tasks[2] // { code: '2.3', title: 'Công khai kế hoạch sử dụng đất…', lead: ['UBND cấp huyện', 'UBND cấp xã'], … }
 * taskTableModel({ plan, units, reports, periodId: '2018Q2', asOf: '2018-07-05' }).sections[1]?.tasks[5]?.status
 * // { outcome: 'done-on-time', progress: 100, dueDate: '2018-06-30' } (2.6, Tháng 6 năm 2018, done on 10/06)
 */
export function taskTableModel(input: TaskTableInput): TaskTableModel {
  const { plan } = input
  const locale = input.locale ?? DEFAULT_LOCALE
  const context = planContext(plan, input.units ?? [])
  const withStatus = input.reports !== undefined
  if (withStatus && (input.periodId === undefined || input.asOf === undefined)) {
    throw new TypeError('taskTableModel: reports need a periodId and an asOf to judge outcomes by')
  }
  const date = input.asOf === undefined ? plan.issuedOn : localDateOf(input.asOf)

  const status = new Map<string, TaskTableStatus>()
  if (withStatus && input.periodId !== undefined && input.asOf !== undefined) {
    const periodId = input.periodId
    const tasks = new Map(plan.sections.flatMap((s) => s.tasks).map((t) => [taskIdOf(t), t]))
    const rollup = progressRollup({
      sections: plan.sections,
      assignments: taskAssignments(plan, context, periodId, input.visibleUnitIds),
      reports: visibleReports(input.reports ?? [], input.visibleUnitIds),
      dueDateOf: (taskId) => {
        const task = tasks.get(taskId)
        return task === undefined ? undefined : taskDueDate(task, periodId)
      },
      asOf: input.asOf,
    })
    for (const task of rollup.sections.flatMap((s) => s.tasks)) {
      status.set(task.taskId, {
        outcome: task.outcome,
        progress: task.progress,
        ...(task.dueDate !== undefined && { dueDate: task.dueDate }),
      })
    }
  }

  return {
    locale,
    document: documentInfo(plan, date, input.issuer),
    ...(withStatus &&
      input.periodId !== undefined && {
        period: { id: input.periodId, label: periodLabel(input.periodId, locale), asOf: date },
      }),
    sections: plan.sections.map((section) => ({
      code: section.code,
      title: section.title,
      tasks: section.tasks.map((task): TaskTableRow => {
        const taskId = taskIdOf(task)
        const taskStatus = status.get(taskId)
        return {
          taskId,
          code: task.code,
          title: task.title,
          lead: task.lead.map((a) => assigneeName(a, context.tree, locale)),
          coordinators: task.coordinators.map((a) => assigneeName(a, context.tree, locale)),
          timeframe: task.timeframe,
          ...(taskStatus !== undefined && { status: taskStatus }),
        }
      }),
    })),
  }
}
