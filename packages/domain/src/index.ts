// Public surface of @papi/domain: named re-exports only. Each module owns one block.

// --- label
export { DEFAULT_LOCALE, LabelSchema, LocaleSchema, labelText } from './label'
export type { Label, Locale } from './label'

// --- iso-date
export { IsoDateSchema } from './iso-date'
export type { IsoDate } from './iso-date'

// --- index-kind
export { IndexKindSchema } from './index-kind'
export type { IndexKind } from './index-kind'

// --- unit
export { AssigneeSchema, UnitClassSchema, UnitKindSchema, UnitLevelSchema, UnitSchema } from './unit'
export type { Assignee, Unit, UnitClass, UnitKind, UnitLevel } from './unit'

// --- timeframe
export { RecurrenceSchema, TimeframeKindSchema, TimeframeSchema } from './timeframe'
export type { Recurrence, Timeframe, TimeframeKind } from './timeframe'

// --- target
export { ComparatorSchema, MeasureUnitSchema, TargetSchema, TargetStateSchema } from './target'
export type { Comparator, MeasureUnit, Target, TargetState } from './target'

// --- period
export {
  AnchorDaySchema,
  PeriodIdSchema,
  PeriodRuleSchema,
  PeriodTypeSchema,
  ReportingRulesSchema,
} from './period'
export type { AnchorDay, PeriodId, PeriodRule, PeriodType, ReportingRules } from './period'

// --- plan
export { PlanSchema, PlanStatusSchema, SectionSchema, TaskSchema } from './plan'
export type { Plan, PlanStatus, Section, Task } from './plan'

// --- report
export {
  EvidenceSchema,
  KpiValueSchema,
  ReportSchema,
  ReportStatusSchema,
  SubmissionTimelinessSchema,
  TaskOutcomeSchema,
  WorkStatusSchema,
} from './report'
export type {
  Evidence,
  KpiValue,
  Report,
  ReportStatus,
  SubmissionTimeliness,
  TaskOutcome,
  WorkStatus,
} from './report'

// --- framework (frameworks as data, frameworkFor)

// --- score (compareYears, rankAll, bandOf, weakestDimensions, pointsToRank)

// --- assignee (resolveAssignees, unit tree helpers)

// --- target-evaluation (evaluateTarget)

// --- cutoff (parsePeriod, periodsBetween, cutoffWindow, deadlines, dueTasks)

// --- timeframe-parse (parseTimeframe)

// --- rollup (outcomes, completeness, timeliness, progress)

// --- format (vi-VN dates and numbers, enum labels)
