// Public surface of @papi/domain: named re-exports only. Each module owns one block.

// --- text
export { foldText, stripDiacritics } from './text'

// --- label
export { DEFAULT_LOCALE, LabelSchema, LocaleSchema, labelText } from './label'
export type { Label, Locale } from './label'

// --- iso-date
export { IsoDateSchema, calendarDate } from './iso-date'
export type { IsoDate } from './iso-date'

// --- index-kind
export { IndexKindSchema } from './index-kind'
export type { IndexKind } from './index-kind'

// --- unit
export { AssigneeSchema, UnitClassSchema, UnitKindSchema, UnitLevelSchema, UnitSchema } from './unit'
export type { Assignee, Unit, UnitClass, UnitKind, UnitLevel } from './unit'

// --- timeframe
export {
  RecurrenceSchema,
  TimeframeKindSchema,
  TimeframeSchema,
  parseTimeframe,
  timeframeBounds,
  timeframeYears,
} from './timeframe'
export type { ParseTimeframeOptions, Recurrence, Timeframe, TimeframeKind } from './timeframe'

// --- target
export { ComparatorSchema, MeasureUnitSchema, TargetSchema, TargetStateSchema } from './target'
export type { Comparator, MeasureUnit, Target, TargetState } from './target'

// --- period
export {
  AnchorDaySchema,
  GraceDaysSchema,
  PeriodIdSchema,
  PeriodRuleSchema,
  PeriodSchema,
  PeriodTypeSchema,
  ReportingRulesSchema,
} from './period'
export type {
  AnchorDay,
  DateSpan,
  Period,
  PeriodError,
  PeriodId,
  PeriodResult,
  PeriodRule,
  PeriodRulesInput,
  PeriodType,
  ReportingRules,
} from './period'
export { currentPeriod, periodAsOf } from './period'
export type { PeriodDeadline } from './period'

// --- plan
export {
  duplicateCodes,
  PLAN_LIMITS,
  PlanSchema,
  PlanStatusSchema,
  SectionSchema,
  TaskSchema,
  planIssuerLevel,
  planScopeUnitId,
  taskCount,
} from './plan'
export type { Plan, PlanStatus, Section, Task } from './plan'

// --- report
export {
  EvidenceSchema,
  KpiValueSchema,
  localDateOf,
  ReportSchema,
  ReportStatusSchema,
  SubmissionStateSchema,
  SubmissionTimelinessSchema,
  TaskOutcomeSchema,
  VIETNAM_UTC_OFFSET_MINUTES,
  WorkStatusSchema,
} from './report'
export type {
  Evidence,
  KpiValue,
  Report,
  ReportStatus,
  SubmissionState,
  SubmissionTimeliness,
  TaskOutcome,
  WorkStatus,
} from './report'
export {
  ACTOR_PERMISSIONS,
  applyReportAction,
  availableActions,
  canTransition,
  decidedSave,
  REPORT_TRANSITIONS,
  ReportActionSchema,
  ReportActionTypeSchema,
  ReportActorSchema,
  ReportContentSchema,
  ReportWorkflowErrorCodeSchema,
  reportActionPermission,
  workProgressIssue,
} from './report-workflow'
export type {
  DecidedSave,
  ReportAction,
  ReportActionContext,
  ReportActionResult,
  ReportActionType,
  ReportActor,
  ReportContent,
  ReportTransition,
  ReportWorkflowError,
  ReportWorkflowErrorCode,
} from './report-workflow'

// --- plan-lifecycle (draft → published once; what a published plan keeps)
export {
  PLAN_VIEW_STATUSES,
  PlanLifecycleErrorCodeSchema,
  listedIn,
  provinceChangeError,
  publishError,
  replacementError,
  reportingError,
} from './plan-lifecycle'
export type { PlanLifecycleError, PlanLifecycleErrorCode, PlanView } from './plan-lifecycle'

// --- framework (frameworks as data, frameworkFor)
export {
  AggregationSchema,
  AreaGroupSchema,
  DimensionSchema,
  FRAMEWORKS,
  FrameworkSchema,
  ResultUnitSchema,
  SubDimensionSchema,
  frameworkById,
  frameworkFor,
} from './framework'
export type { Aggregation, AreaGroup, Dimension, Framework, ResultUnit, SubDimension } from './framework'

// --- score (compareYears, rankAll, bandOf, weakestDimensions, pointsToRank)
export {
  BAND_LABELS,
  BandSchema,
  DimensionResultSchema,
  IndexResultSchema,
  NotRankedYearSchema,
  IssueSeveritySchema,
  ResultIssueCodeSchema,
  bandOf,
  bandOfResult,
  bandSizes,
  compareYears,
  pointsNeeded,
  pointsToRank,
  rankAll,
  indexYears,
  resultHistory,
  validateResult,
  weakestDimensions,
} from './score'
export type {
  Band,
  DimensionChange,
  DimensionResult,
  HistoryYear,
  IndexResult,
  IssueSeverity,
  NotRankedYear,
  ResultIssue,
  ResultIssueCode,
  ResultYear,
  YearComparison,
} from './score'

// --- assignee (resolveAssignees, unit tree helpers)
export {
  UnitTreeError,
  ancestorsOf,
  buildUnitTree,
  descendantsOf,
  isActiveOn,
  isWithin,
  lastDayBefore,
  predecessorsOf,
  successorsOn,
  orphansIfEnded,
  organisationDayOf,
  organisationOn,
  unitsAsOf,
  unitsActiveOn,
} from './unit-tree'
export type { UnitTree, UnitTreeErrorCode, UnitVersion } from './unit-tree'

// --- unit-rules (where a unit may stand, what it may merge into)
export { mergeProblem, unitPlacementProblem } from './unit-rules'
export type { UnitPlacementProblem } from './unit-rules'
export {
  assignedUnits,
  foreignAssignees,
  isInUnitClass,
  provinceOf,
  resolveAssignee,
  resolveAssignees,
  unitClassMembers,
  unitsInScope,
} from './assignee'
export type { AssignedUnits, AssigneeScope, ForeignAssignee, ResolvedAssignee } from './assignee'

// --- assignee-picks
export { AssigneePicksSchema, isUnmatched, standsForNoUnit, unmatchedNames, withPickedUnits } from './assignee-picks'
export type { AssigneePicks, AssigneeUse, UnmatchedName } from './assignee-picks'

// --- target-evaluation (evaluateTarget)
export {
  TARGET_TOLERANCE,
  changeVsBaseline,
  evaluateTarget,
  kpiIsFor,
  reportedObservation,
  resultObservation,
  targetRank,
} from './target-evaluation'
export type { EvaluateTargetOptions, ResultObservation, TargetObservation } from './target-evaluation'

// --- target-phrase (targets read from a plan's words)
export { readIndexTargets, readTargets, SMALLEST_SCORE_STEP } from './target-phrase'
export type { ReadIndexTargetsOptions, ReadTargetsOptions } from './target-phrase'

// --- timeframe-text (a timeframe in words)
export { formatTimeframe, timeframeDates, timeframeKind } from './timeframe-text'

// --- target-text (a target and its observation in words)
export { formatObservation, formatTarget } from './target-text'

// --- cutoff (parsePeriod, periodsBetween, cutoffWindow, deadlines, dueTasks)
export {
  DEFAULT_SUBMISSION_OFFSETS,
  cutoffWindow,
  deadlineAtLevel,
  isLate,
  parsePeriod,
  periodChoices,
  periodDatesError,
  periodLabel,
  periodOf,
  periodRuleOf,
  periodsBetween,
  submissionDeadline,
} from './period'
export type { PeriodDates, PeriodDatesError, PeriodDatesErrorCode, SubmissionDeadlineOptions } from './period'
export { DUE_REASON_LABELS, DueReasonSchema, dueTasks, reportingPeriods, taskDueDate } from './due-tasks'
export type { DueReason, DueTask, DueTasksOptions, ReportingPeriodsOptions } from './due-tasks'

// --- outcome (the Government Office's four outcomes)
export { taskOutcome } from './outcome'
export type { OutcomeCounts } from './outcome'

// --- completeness (expected, submitted, on time, late, missing; up the tree)
export {
  completenessByUnit,
  coordinatedTasks,
  expectedReports,
  expectedReportState,
  listedReportState,
  reportAsItStood,
  isFiled,
  latestVersions,
  rollupByUnit,
  submissionTimeliness,
  sumReportingStats,
  unitsToRemind,
} from './completeness'
export type { ExpectedReport, TaskAssignment, UnitReportingStats } from './completeness'

// --- approval (DHIS2 approval up the tree)
export { approvalState, fullyAcceptedUnits } from './approval'
export type { ApprovalState, ApprovalStateKind } from './approval'

// --- progress (tasks → sections → plan)
export { progressRollup } from './progress'
export type { PlanProgress, ProgressRollupInput, SectionProgress, TaskProgress, UnitTaskProgress } from './progress'

// --- period-figures (one plan's figures for a period, as of a day)
export { periodFigures } from './period-figures'
export type { OwedReport, PeriodFigures, PeriodFiguresInput, UnitPeriodFigures } from './period-figures'

// --- format (vi-VN dates and numbers, enum labels)
export {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatScore,
  formatYears,
  parseVietnameseNumber,
  roundPercent,
} from './format'
export type { FormatNumberOptions, ParseNumberOptions } from './format'
export { COMPARATOR_SYMBOLS, ENUM_LABELS, ENUM_SCHEMAS, enumLabel, enumOptions } from './enum-labels'
export type { EnumGroup, EnumValue } from './enum-labels'

// --- permission
export {
  accessTo,
  ActionSchema,
  can,
  covers,
  GrantScopeSchema,
  grantedUnitIds,
  mayReadAuditEntry,
  permissionsOf,
  permits,
  ROLE_GRANTS,
  RoleGrantSchema,
  RoleSchema,
  unitsWhere,
} from './permission'
export type { Access, Action, AuditedChange, GrantScope, Permission, Role, RoleGrant, RoleHolder } from './permission'

// --- child-plans
export { childPlanAccess, shownPeriodOf } from './child-plans'

// --- period-narrative
export { isNarrativeEmpty, mayWritePeriodNarrative, NARRATIVE_PART_MAX, NARRATIVE_PARTS, PeriodNarrativeSchema } from './period-narrative'
export type { NarrativePart, NarrativePlan, PeriodNarrative } from './period-narrative'

// --- admin-rules
export {
  DeletionRefusalSchema,
  mayManageAccount,
  parseSshPublicKey,
  planDeletion,
  unitDeletion,
  userDeletion,
} from './admin-rules'
export type { DeletionRefusal, SshKeyType, SshPublicKey, Verdict } from './admin-rules'

// --- assignee-text
export { indexUnitNames, KNOWN_UNIT_NAMES, ParsedAssigneeSchema, isAssigneeList, matchAssignees, parseAssignees } from './assignee-text'
export type { AssigneeMatch, KnownUnitName, ParsedAssignee, UnitNameIndex } from './assignee-text'
export { matchDimension } from './dimension-match'
export type { DimensionNames } from './dimension-match'

// --- assignment-revision
export {
  AssignmentChangeSchema,
  assignmentChanges,
  keepReportedAssignments,
  taskUnitKey,
  UnitAssignmentChangesSchema,
  unitsChangingAlike,
} from './assignment-revision'
export type { AssignmentRef, ListedAssignment, UnitAssignmentChanges } from './assignment-revision'

// --- plan-revision
export { KeptTaskSchema, PlanChangesSchema, revisePlan } from './plan-revision'
export type { KeptTask, PlanChanges, PlanRevision, RevisionChange, SectionRevision, TaskRevision } from './plan-revision'

// --- register
export {
  areaProperName,
  committeeName,
  DEPARTMENT_MERGER_DAY,
  readRegisterTables,
  REGISTER_NEW_FIRST_DAY,
  REGISTER_OLD_LAST_DAY,
  registerCode,
  registerForProvince,
  registerForProvinces,
  PROVINCE_RENAMES,
  splitNamedCode,
  STANDARD_BODIES,
  standardBodies,
  successionKindOf,
} from './register'
export type { Register, RegisterEra, RegisterIssue, RegisterLink, RegisterName, RegisterUnit, SuccessionKind } from './register'

// --- score-table-version (the version of a framework's year, named by a table import)
export { EMPTY_SCORE_TABLE_VERSION, scoreTableVersion } from './score-table-version'
export type { ScoreTableState } from './score-table-version'

// --- province-scores
export {
  FORMER_PROVINCE_NAMES,
  matchProvinces,
  provinceNameKey,
  scoreFigures,
  rankProvinceRows,
  readProvinceScoreTable,
} from './province-scores'
export type { ProvinceMatch, ProvinceScoreRow, ScoreFigures } from './province-scores'

// --- credentials (password policy, log-in throttling)
export {
  ACCOUNT_THROTTLE,
  ADDRESS_THROTTLE,
  loginWait,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_PROBLEM_TEXT,
  passwordProblems,
} from './credentials'
export type { LoginThrottle, PasswordContext, PasswordProblem } from './credentials'
