import {
  DEFAULT_LOCALE,
  ancestorsOf,
  cutoffWindow,
  descendantsOf,
  evaluateTarget,
  isFiled,
  kpiIsFor,
  latestVersions,
  listedReportState,
  localDateOf,
  parsePeriod,
  periodFigures,
  reportAsItStood,
  periodLabel,
  resultObservation,
  type DateSpan,
  type DueReason,
  type IndexResult,
  type IsoDate,
  type Locale,
  type OutcomeCounts,
  type PeriodId,
  type PeriodRule,
  type Plan,
  type Report,
  type ReportStatus,
  type SubmissionState,
  type Target,
  type TargetObservation,
  type TargetState,
  type Task,
  type TaskOutcome,
  type Timeframe,
  type Unit,
  type UnitLevel,
  type UnitPeriodFigures,
  type UnitReportingStats,
  type WorkStatus,
} from '@papi/domain'
import { documentInfo, type DocumentInfo } from './document-info'
import {
  assigneeName,
  planContext,
  taskAssignments,
  taskIdOf,
  unresolvedAssignees,
  visibleReports,
  type PlanContext,
} from './internal/plan-context'

export interface ConsolidatedReportInput {
  plan: Plan
  /** The organisation the plan's assignees resolve in (one province's subtree is enough). */
  units: readonly Unit[]
  /** Reports of the period, and of earlier periods for progress (the latest filed one counts). */
  reports: readonly Report[]
  periodId: PeriodId
  /** The day the figures are judged on (ISO date or date-time); also the report's date. */
  asOf: string
  locale?: Locale
  /**
   * A stored period's own cut-off window and deadline, stated for the plan's level, when it
   * overrides the plan's rules (the store's `periods` row). The plan's `reporting` rules otherwise.
   */
  periodRule?: PeriodRule
  /**
   * Published results of the plan's own unit in its index: the plan's targets are judged on the
   * result of the year each is for (the domain's `resultObservation`), as the API's /targets does.
   */
  results?: readonly IndexResult[]
  /** Issuing body of the report when it is not the plan's issuer (the standing agency's own report). */
  issuer?: string
  /** Days of tolerance after a deadline before a report counts as late (Envisio / ClearPoint). */
  graceDays?: number
  /**
   * The units whose work the reader may see (a reporter's own unit, a viewer's subtree): the
   * report then counts, lists and rolls up only their assignments and reports. The whole of
   * `units` still places deadlines and resolves classes. All units when absent.
   */
  visibleUnitIds?: ReadonlySet<string>
  /**
   * The planner's own words for the report's four parts (a browser form supplies them); a part
   * left out is written as a placeholder the official replaces before signing.
   */
  narrative?: ReportNarrative
  /**
   * Who signs: the plan's signer for the chair by default (the plan's issuer only); `deputy` has a
   * vice-chair sign for the chair ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH").
   */
  signer?: { name?: string; deputy?: boolean }
}

/** The report's four written parts around the generated figures (Decree 30/2020/NĐ-CP report layout). */
export interface ReportNarrative {
  /** 1. Results achieved in the period. */
  results?: string
  /** 2. Limits, shortcomings and their causes. */
  limits?: string
  /** 3. Tasks and solutions for the next period. */
  nextTasks?: string
  /** 4. Proposals and recommendations to superiors. */
  proposals?: string
}

/** A unit under a task in the report: its report for the period and its progress. */
export interface ReportUnitLine {
  unitId: string
  unitName: string
  role: 'lead' | 'coordinator'
  /** How the unit's report for the period stands; absent when it owes none on this task. */
  submission?: SubmissionState
  deadline?: IsoDate
  /** Day the period's report was filed (Viet Nam's calendar). */
  submittedOn?: IsoDate
  /** Workflow status of the unit's report for the period, when it has one. */
  reportStatus?: ReportStatus
  /** From the latest filed report of any period; null when the unit has filed nothing yet. */
  workStatus: WorkStatus | null
  progress: number
  /** The period report's narrative, when it has one. */
  narrative?: string
}

export interface ReportTaskLine {
  taskId: string
  code: string
  title: string
  lead: string[]
  coordinators: string[]
  timeframe: Timeframe
  /** Whether the period's report must cover the task (`dueTasks`), and why. */
  dueReason?: DueReason
  dueDate?: IsoDate
  outcome: TaskOutcome
  progress: number | null
  units: ReportUnitLine[]
}

export interface ReportSectionLine {
  code: string
  title: string
  progress: number | null
  outcomes: OutcomeCounts
  tasks: ReportTaskLine[]
}

/** A unit's own reporting counts for the period, with its place in the tree. */
export interface ReportUnitStats extends UnitReportingStats {
  unitName: string
  level: UnitLevel
  /** Depth below the tree's root (0 for the province), for indenting. */
  depth: number
  deadline: IsoDate
}

/** A unit with reports late or missing, and the tasks they are on. */
export interface UnitReportGap {
  unitId: string
  unitName: string
  level: UnitLevel
  deadline: IsoDate
  tasks: { taskId: string; code: string; title: string; submittedOn?: IsoDate }[]
}

/** One reading of a target: the plan's or a task's, by one reporting unit or from a published figure. */
export interface TargetLine {
  target: Target
  /** The task the target belongs to; absent for the plan's own targets. */
  taskCode?: string
  unitName?: string
  observation?: TargetObservation
  state: TargetState
}

/** The periodic consolidated report of a plan, ready for a writer. */
export interface ConsolidatedReportModel {
  locale: Locale
  document: DocumentInfo
  period: {
    id: PeriodId
    label: string
    cutoff: DateSpan
    /** Submission deadline for each level that owes reports, earliest first. */
    deadlines: { level: UnitLevel; date: IsoDate }[]
  }
  asOf: IsoDate
  summary: {
    progress: number | null
    outcomes: OutcomeCounts
    taskCount: number
    /** Tasks the period's reports must cover. */
    dueTaskCount: number
    /** Counts over every unit that owes reports. */
    reporting: UnitReportingStats
  }
  sections: ReportSectionLine[]
  units: ReportUnitStats[]
  late: UnitReportGap[]
  missing: UnitReportGap[]
  targets: TargetLine[]
  /** Assignees that match no unit: their work is counted nowhere until someone maps them. */
  unresolved: { taskCode: string; text: string }[]
  /** The planner's texts for the report's written parts; placeholders stand in for those absent. */
  narrative: ReportNarrative
  /** Who signs the report: a deputy signs for the chair; the name when known. */
  signer: { name?: string; deputy: boolean }
  /**
   * Who receives it besides the file copy: the issuer's superior (the parent unit, or the Ministry
   * of Home Affairs over a province) and the plan's standing agency.
   */
  recipients: string[]
}

const TOTAL = '\u0000total'

/**
 * Everything a periodic report on a plan says. Its figures — which tasks are due, who owes a
 * report and by when, how each stands (with the grace days), completeness and timeliness, progress
 * and the four outcomes per task and section — are the domain's `periodFigures`, the very figures
 * the store's dashboard shows; this adds the words: names, assignees as the plan wrote them, late
 * and missing units, and the targets (`evaluateTarget` on the KPI values of filed reports, or on
 * the `results` of the year each of the plan's own targets is for, as GET /plans/{id}/targets).
 *
 * @throws RangeError on a period id that does not parse (check user input with `parsePeriod`).
 * @example
 * const model = consolidatedReportModel({ plan, units, reports, periodId: '2018Q2', asOf: '2018-06-25' })
 * model.period.cutoff // { start: '2018-03-15', end: '2018-06-14' }
 * model.missing.map((m) => m.unitName) // ['UBND phường Vĩnh Lạc', …]
 */
export function consolidatedReportModel(input: ConsolidatedReportInput): ConsolidatedReportModel {
  const { plan } = input
  const locale = input.locale ?? DEFAULT_LOCALE
  const parsed = parsePeriod(input.periodId)
  if (!parsed.ok) throw new RangeError(parsed.error.message)
  const periodId = parsed.period.id
  const asOf = input.asOf
  const context = planContext(plan, input.units)
  const { tree } = context
  const rules = input.periodRule === undefined ? plan.reporting : [input.periodRule]

  const levelOf = (unitId: string): UnitLevel => tree.byId.get(unitId)?.level ?? context.issuerLevel
  const nameOf = (unitId: string): string => tree.byId.get(unitId)?.name ?? unitId

  const tasks = new Map<string, Task>(plan.sections.flatMap((s) => s.tasks).map((t) => [taskIdOf(t), t]))
  const assignments = taskAssignments(plan, context, periodId, input.visibleUnitIds)
  const reports = visibleReports(input.reports, input.visibleUnitIds)
  const grace = input.graceDays === undefined ? {} : { graceDays: input.graceDays }
  const figures = periodFigures({
    plan,
    periodId,
    assignments,
    reports,
    asOf,
    ...grace,
    ...(rules !== undefined && { rules }),
    issuerLevel: context.issuerLevel,
    levelOf,
    parentOf: (unitId) => tree.byId.get(unitId)?.parentId ?? null,
    rootId: plan.scopeUnitId ?? context.scopeUnitId ?? TOTAL,
  })
  const due = new Map(figures.due.map((d) => [d.taskId, d.reason]))
  const periodReports = reports.filter((r) => r.periodId === periodId)
  const reportOf = latestVersions(periodReports)
  const pairs = new Map(figures.owed.map((o) => [pairKey(o.taskId, o.unitId), o]))
  const roles = new Map(assignments.map((a) => [pairKey(a.taskId, a.unitId), a.role ?? 'lead']))

  const sections = figures.progress.sections.map(
    (section): ReportSectionLine => ({
      code: section.code,
      title: section.title,
      progress: section.progress,
      outcomes: section.outcomes,
      tasks: section.tasks.map((progress): ReportTaskLine => {
        const task = tasks.get(progress.taskId) as Task
        const dueReason = due.get(progress.taskId)
        return {
          taskId: progress.taskId,
          code: progress.code,
          title: progress.title,
          lead: task.lead.map((a) => assigneeName(a, tree, locale)),
          coordinators: task.coordinators.map((a) => assigneeName(a, tree, locale)),
          timeframe: task.timeframe,
          ...(dueReason !== undefined && { dueReason }),
          ...(progress.dueDate !== undefined && { dueDate: progress.dueDate }),
          outcome: progress.outcome,
          progress: progress.progress,
          units: progress.units.map((unit): ReportUnitLine => {
            const key = pairKey(progress.taskId, unit.unitId)
            const pair = pairs.get(key)
            // The line shows the report as it stood on the document's day, like the counts; a
            // report filed by then is judged by the day it was filed (on time or late).
            const report = reportAsItStood(reportOf(progress.taskId, unit.unitId), asOf)
            return {
              unitId: unit.unitId,
              unitName: nameOf(unit.unitId),
              role: roles.get(key) ?? 'lead',
              ...(pair !== undefined && {
                submission: listedReportState({ report, deadline: pair.deadline, asOf, ...grace }),
                deadline: pair.deadline,
              }),
              ...(report?.submittedAt !== undefined && isFiled(report) && { submittedOn: localDateOf(report.submittedAt) }),
              ...(report !== undefined && { reportStatus: report.status }),
              workStatus: unit.workStatus,
              progress: unit.progress,
              ...(report !== undefined && report.narrative !== '' && { narrative: report.narrative }),
            }
          }),
        }
      }),
    }),
  )

  const order = treeOrder(context)
  const statsById = new Map(figures.units.map((s) => [s.unitId, s]))
  const units = order
    .filter((unitId) => (statsById.get(unitId)?.expected ?? 0) > 0)
    .map(
      (unitId): ReportUnitStats => ({
        ...(statsById.get(unitId) as UnitPeriodFigures),
        unitName: nameOf(unitId),
        level: levelOf(unitId),
        depth: ancestorsOf(unitId, tree).length,
      }),
    )

  const gaps = (state: SubmissionState): UnitReportGap[] =>
    order.flatMap((unitId) => {
      const owed = figures.owed.filter((o) => o.unitId === unitId && o.state === state)
      const first = owed[0]
      if (first === undefined) return []
      return [
        {
          unitId,
          unitName: nameOf(unitId),
          level: levelOf(unitId),
          deadline: first.deadline,
          tasks: owed.map(({ taskId }) => {
            const task = tasks.get(taskId)
            const submittedAt = reportOf(taskId, unitId)?.submittedAt
            return {
              taskId,
              code: task?.code ?? taskId,
              title: task?.title ?? '',
              ...(state === 'late' && submittedAt !== undefined && { submittedOn: localDateOf(submittedAt) }),
            }
          }),
        },
      ]
    })

  return {
    locale,
    document: documentInfo(plan, figures.asOf, input.issuer),
    period: { id: periodId, label: periodLabel(periodId, locale), cutoff: cutoffWindow(periodId, rules), deadlines: figures.deadlines },
    asOf: figures.asOf,
    summary: {
      progress: figures.progress.progress,
      outcomes: figures.progress.outcomes,
      taskCount: tasks.size,
      dueTaskCount: due.size,
      reporting: figures.total,
    },
    sections,
    units,
    late: gaps('late'),
    missing: gaps('missing'),
    targets: targetLines(plan, periodReports, tasks, nameOf, input.results ?? [], parsed.period.year),
    unresolved: unresolvedAssignees(plan, context, periodId),
    narrative: nonEmpty(input.narrative ?? {}),
    signer: signerOf(input),
    recipients: recipientsOf(input, context, locale),
  }
}

function nonEmpty(narrative: ReportNarrative): ReportNarrative {
  return Object.fromEntries(Object.entries(narrative).filter(([, text]) => typeof text === 'string' && text.trim() !== ''))
}

function signerOf(input: ConsolidatedReportInput): { name?: string; deputy: boolean } {
  // The plan's signer signs only what the plan's issuer sends.
  const name = input.signer?.name ?? (input.issuer === undefined ? input.plan.signer : undefined)
  return { ...(name !== undefined && name.trim() !== '' && { name: name.trim() }), deputy: input.signer?.deputy ?? false }
}

const MINISTRY: Record<Locale, string> = { vi: 'Bộ Nội vụ', en: 'Ministry of Home Affairs' }

/** The superior the issuer reports to, then the plan's standing agency when it is another body. */
function recipientsOf(input: ConsolidatedReportInput, context: PlanContext, locale: Locale): string[] {
  const { plan } = input
  const issuerUnit = plan.issuerUnitId === undefined ? undefined : context.tree.byId.get(plan.issuerUnitId)
  const parent = issuerUnit?.parentId == null ? undefined : context.tree.byId.get(issuerUnit.parentId)
  const ownReport = input.issuer === undefined
  // A province reports to the Ministry of Home Affairs, which runs PAPI and PAR INDEX nationally.
  const superior = ownReport
    ? (parent?.name ?? (issuerUnit?.level === 'province' || context.issuerLevel === 'province' ? MINISTRY[locale] : undefined))
    : plan.issuer
  const agency = plan.standingAgency
  const agencyName =
    agency === undefined
      ? undefined
      : agency.unitId !== undefined
        ? (context.tree.byId.get(agency.unitId)?.name ?? agency.text)
        : agency.text
  const standing = ownReport && agencyName !== undefined && agency?.unitId !== plan.issuerUnitId ? agencyName : undefined
  return [...new Set([superior, standing].filter((r): r is string => r !== undefined && r !== ''))]
}

const pairKey = (taskId: string, unitId: string): string => `${taskId}\u0000${unitId}`

/** Unit ids depth first from the roots, the plan's scope first. */
function treeOrder(context: PlanContext): string[] {
  const roots = [...context.tree.roots].sort((a, b) => (a.id === context.scopeUnitId ? -1 : b.id === context.scopeUnitId ? 1 : 0))
  return roots.flatMap((root) => [root.id, ...descendantsOf(root.id, context.tree).map((u) => u.id)])
}

function targetLines(
  plan: Plan,
  periodReports: readonly Report[],
  tasks: ReadonlyMap<string, Task>,
  nameOf: (unitId: string) => string,
  results: readonly IndexResult[],
  periodYear: number,
): TargetLine[] {
  const filed = periodReports.filter(isFiled)
  const readings = (target: Target, reports: readonly Report[], taskCode?: string): TargetLine[] => {
    const scope = taskCode === undefined ? {} : { taskCode }
    // A target for another year is not measured by this period's reports.
    const ofYear = target.year === undefined || target.year === periodYear
    const found = ofYear
      ? reports.flatMap((report) =>
          report.kpiValues
            .filter((kpi) => kpiIsFor(kpi, target))
            .map((kpi): TargetLine => {
              const observation = { value: kpi.value }
              return { target, ...scope, unitName: nameOf(report.unitId), observation, state: evaluateTarget(target, observation) }
            }),
        )
      : []
    return found.length > 0 ? found : [{ target, ...scope, state: 'unknown' }]
  }
  const planLines = plan.targets.map((target): TargetLine => {
    const observation = resultObservation(target, results, plan.years.to)
    const { year: _year, baselineValue: _baseline, ...observed } = observation
    const state = evaluateTarget(target, observation)
    return Object.keys(observed).length > 0 ? { target, observation: observed, state } : { target, state }
  })
  const taskLines = [...tasks.entries()].flatMap(([taskId, task]) =>
    task.targets.flatMap((target) =>
      readings(
        target,
        filed.filter((r) => r.taskId === taskId),
        task.code,
      ),
    ),
  )
  return [...planLines, ...taskLines]
}
