import { type DeletionRefusal, DeletionRefusalSchema } from './admin-rules'
import { DUE_REASON_LABELS, DueReasonSchema } from './due-tasks'
import { type Aggregation, AggregationSchema, type AreaGroup, AreaGroupSchema, type ResultUnit, ResultUnitSchema } from './framework'
import { type IndexKind, IndexKindSchema } from './index-kind'
import { DEFAULT_LOCALE, type Label, type Locale, LocaleSchema } from './label'
import { type PeriodType, PeriodTypeSchema } from './period'
import { type Action, ActionSchema, type GrantScope, GrantScopeSchema, type Role, RoleSchema } from './permission'
import { type PlanStatus, PlanStatusSchema } from './plan'
import {
  type ReportStatus,
  ReportStatusSchema,
  type SubmissionState,
  SubmissionStateSchema,
  type SubmissionTimeliness,
  SubmissionTimelinessSchema,
  type TaskOutcome,
  TaskOutcomeSchema,
  type WorkStatus,
  WorkStatusSchema,
} from './report'
import { type ReportActionType, ReportActionTypeSchema, type ReportActor, ReportActorSchema } from './report-workflow'
import { BAND_LABELS, BandSchema, type IssueSeverity, IssueSeveritySchema } from './score'
import { type Comparator, ComparatorSchema, type MeasureUnit, MeasureUnitSchema, type TargetState, TargetStateSchema } from './target'
import { type Recurrence, RecurrenceSchema, type TimeframeKind, TimeframeKindSchema } from './timeframe'
import { type UnitClass, UnitClassSchema, type UnitKind, UnitKindSchema, type UnitLevel, UnitLevelSchema } from './unit'

// Every group is checked with `satisfies Record<Enum, Label>`: a value added to a schema without
// a label, or a label left for a value that is gone, fails to compile.

const locale = {
  vi: { vi: 'Tiếng Việt', en: 'Vietnamese' },
  en: { vi: 'Tiếng Anh', en: 'English' },
} satisfies Record<Locale, Label>

const indexKind = {
  papi: {
    vi: 'PAPI – Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh',
    en: 'PAPI – Provincial Governance and Public Administration Performance Index',
  },
  'par-index': { vi: 'PAR INDEX – Chỉ số cải cách hành chính', en: 'PAR INDEX – Public Administration Reform Index' },
  sipas: {
    vi: 'SIPAS – Chỉ số hài lòng về sự phục vụ hành chính',
    en: 'SIPAS – Satisfaction Index of Public Administrative Services',
  },
} satisfies Record<IndexKind, Label>

const unitLevel = {
  national: { vi: 'Trung ương', en: 'National' },
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  district: { vi: 'Cấp huyện', en: 'District' },
  commune: { vi: 'Cấp xã', en: 'Commune' },
} satisfies Record<UnitLevel, Label>

const unitKind = {
  'people-committee': { vi: 'Ủy ban nhân dân', en: "People's committee" },
  department: { vi: 'Sở, ban, ngành', en: 'Department' },
  office: { vi: 'Văn phòng', en: 'Office' },
  agency: { vi: 'Cơ quan nhà nước khác', en: 'Other state agency' },
  'mass-organisation': { vi: 'Mặt trận Tổ quốc, đoàn thể', en: 'Fatherland Front or mass organisation' },
  media: { vi: 'Cơ quan báo chí, truyền thông', en: 'Press and media' },
  'staff-post': { vi: 'Chức danh công chức', en: 'Civil-servant post' },
  'central-branch': { vi: 'Cơ quan ngành dọc trung ương', en: "Central agency's provincial branch" },
  'state-enterprise': { vi: 'Doanh nghiệp nhà nước', en: 'State enterprise' },
  'public-service': { vi: 'Đơn vị sự nghiệp công lập', en: 'Public service unit' },
} satisfies Record<UnitKind, Label>

// Vietnamese labels are the phrases the plans use (Kiên Giang 97/KH-UBND appendix, Lào Cai 165/KH-UBND).
const unitClass = {
  'province-committee': { vi: 'UBND tỉnh', en: "Provincial people's committee" },
  departments: { vi: 'Các sở, ban, ngành', en: 'Departments and agencies' },
  'district-committees': { vi: 'UBND cấp huyện', en: "District people's committees" },
  'commune-committees': { vi: 'UBND cấp xã', en: "Commune people's committees" },
  'mass-organisations': { vi: 'MTTQ và các đoàn thể', en: 'Fatherland Front and mass organisations' },
  media: { vi: 'Cơ quan thông tin đại chúng', en: 'Mass media' },
  'related-agencies': { vi: 'Các cơ quan có liên quan', en: 'Related agencies' },
  'civil-servants': { vi: 'Công chức liên quan', en: 'Civil servants concerned' },
  inspectorates: { vi: 'Thanh tra các cấp', en: 'Inspectorates at all levels' },
  'all-units': { vi: 'Các cơ quan, đơn vị, địa phương', en: 'All agencies, units and localities' },
} satisfies Record<UnitClass, Label>

const timeframeKind = {
  ongoing: { vi: 'Thường xuyên', en: 'Ongoing' },
  recurring: { vi: 'Định kỳ', en: 'Recurring' },
  window: { vi: 'Trong khoảng thời gian', en: 'Time window' },
  milestones: { vi: 'Theo các mốc thời gian', en: 'Milestones' },
  event: { vi: 'Theo sự kiện', en: 'Event-driven' },
  regulation: { vi: 'Theo quy định', en: 'As set by regulation' },
  unspecified: { vi: 'Chưa xác định', en: 'Unspecified' },
} satisfies Record<TimeframeKind, Label>

const recurrence = {
  month: { vi: 'Hằng tháng', en: 'Monthly' },
  quarter: { vi: 'Hằng quý', en: 'Quarterly' },
  'half-year': { vi: '6 tháng một lần', en: 'Every six months' },
  year: { vi: 'Hằng năm', en: 'Yearly' },
} satisfies Record<Recurrence, Label>

const comparator = {
  gte: { vi: '≥ (từ … trở lên)', en: '≥ (at least)' },
  lte: { vi: '≤ (không vượt quá)', en: '≤ (at most)' },
  eq: { vi: '= (bằng)', en: '= (equal to)' },
  between: { vi: 'Trong khoảng (từ … đến …)', en: 'Between' },
  'rank-lte': { vi: 'Xếp hạng trong tốp (≤)', en: 'Rank within the top (≤)' },
  'change-vs-baseline': { vi: 'Thay đổi so với năm gốc', en: 'Change against a baseline year' },
} satisfies Record<Comparator, Label>

const measureUnit = {
  percent: { vi: 'Phần trăm (%)', en: 'Percent (%)' },
  points: { vi: 'Điểm', en: 'Points' },
  count: { vi: 'Số lượng', en: 'Count' },
  rank: { vi: 'Thứ hạng', en: 'Rank' },
  days: { vi: 'Ngày', en: 'Days' },
} satisfies Record<MeasureUnit, Label>

const targetState = {
  met: { vi: 'Đạt', en: 'Met' },
  'not-met': { vi: 'Không đạt', en: 'Not met' },
  unknown: { vi: 'Chưa có số liệu', en: 'No data yet' },
} satisfies Record<TargetState, Label>

const periodType = {
  month: { vi: 'Tháng', en: 'Month' },
  quarter: { vi: 'Quý', en: 'Quarter' },
  'half-year': { vi: '6 tháng', en: 'Six months' },
  'nine-months': { vi: '9 tháng', en: 'Nine months' },
  year: { vi: 'Năm', en: 'Year' },
} satisfies Record<PeriodType, Label>

const planStatus = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  published: { vi: 'Đã ban hành', en: 'Published' },
} satisfies Record<PlanStatus, Label>

const reportStatus = {
  draft: { vi: 'Nháp', en: 'Draft' },
  submitted: { vi: 'Đã gửi', en: 'Submitted' },
  accepted: { vi: 'Đã chấp nhận', en: 'Accepted' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
} satisfies Record<ReportStatus, Label>

const workStatus = {
  'not-started': { vi: 'Chưa triển khai', en: 'Not started' },
  'in-progress': { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Đã hoàn thành', en: 'Done' },
} satisfies Record<WorkStatus, Label>

// The Government Office's wording for assigned tasks.
const taskOutcome = {
  'done-on-time': { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  'done-late': { vi: 'Hoàn thành quá hạn', en: 'Done late' },
  'not-yet-due': { vi: 'Chưa đến hạn', en: 'Not yet due' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
} satisfies Record<TaskOutcome, Label>

const submissionTimeliness = {
  'on-time': { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Trễ hạn', en: 'Late' },
  missing: { vi: 'Chưa gửi', en: 'Missing' },
} satisfies Record<SubmissionTimeliness, Label>

const submissionState = {
  ...submissionTimeliness,
  pending: { vi: 'Chưa đến hạn', en: 'Not yet due' },
} satisfies Record<SubmissionState, Label>

const reportAction = {
  save: { vi: 'Lưu', en: 'Save' },
  submit: { vi: 'Gửi', en: 'Submit' },
  accept: { vi: 'Chấp nhận', en: 'Accept' },
  return: { vi: 'Trả lại', en: 'Return' },
  reopen: { vi: 'Mở lại', en: 'Reopen' },
} satisfies Record<ReportActionType, Label>

const reportActor = {
  unit: { vi: 'Đơn vị báo cáo', en: 'Reporting unit' },
  'standing-agency': { vi: 'Cơ quan thường trực', en: 'Standing agency' },
} satisfies Record<ReportActor, Label>

const resultUnit = {
  points: { vi: 'Điểm', en: 'Points' },
  percent: { vi: 'Phần trăm (%)', en: 'Percent (%)' },
} satisfies Record<ResultUnit, Label>

const aggregation = {
  sum: { vi: 'Tổng', en: 'Sum' },
  mean: { vi: 'Trung bình', en: 'Mean' },
} satisfies Record<Aggregation, Label>

// PAR INDEX splits its total this way (Lào Cai 2019: "Điểm thẩm định … 52,90 điểm; điểm đánh giá tác động … 29,95 điểm").
const areaGroup = {
  appraisal: { vi: 'Điểm thẩm định', en: 'Appraisal points' },
  survey: { vi: 'Điểm điều tra xã hội học', en: 'Survey points' },
} satisfies Record<AreaGroup, Label>

const issueSeverity = {
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
} satisfies Record<IssueSeverity, Label>

const role = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  planner: { vi: 'Cán bộ lập kế hoạch', en: 'Planner' },
  reporter: { vi: 'Cán bộ báo cáo', en: 'Reporter' },
  viewer: { vi: 'Người xem', en: 'Viewer' },
} satisfies Record<Role, Label>

const grantScope = {
  system: { vi: 'Toàn hệ thống', en: 'Whole system' },
  subtree: { vi: 'Đơn vị và các đơn vị trực thuộc', en: 'The unit and the units below it' },
  unit: { vi: 'Riêng đơn vị', en: 'The unit only' },
  related: { vi: 'Đơn vị, cấp dưới và cấp trên', en: 'The unit, the units below it and those above' },
} satisfies Record<GrantScope, Label>

const action = {
  'unit.manage': { vi: 'Quản lý đơn vị', en: 'Manage units' },
  'register.import': { vi: 'Nạp danh mục đơn vị hành chính', en: 'Import the administrative-unit register' },
  'user.manage': { vi: 'Quản lý người dùng', en: 'Manage users' },
  'plan.read': { vi: 'Xem kế hoạch', en: 'Read plans' },
  'plan.manage': { vi: 'Soạn, sửa kế hoạch', en: 'Manage plans' },
  'plan.publish': { vi: 'Ban hành kế hoạch', en: 'Publish plans' },
  'period.manage': { vi: 'Quản lý kỳ báo cáo', en: 'Manage reporting periods' },
  'report.read': { vi: 'Xem báo cáo', en: 'Read reports' },
  'report.write': { vi: 'Lập và gửi báo cáo', en: 'Write and submit reports' },
  'report.review': { vi: 'Duyệt báo cáo', en: 'Review reports' },
  'score.manage': { vi: 'Quản lý kết quả chỉ số', en: 'Manage index results' },
  'dashboard.read': { vi: 'Xem bảng điều hành', en: 'View the dashboard' },
  'audit.read': { vi: 'Xem nhật ký thay đổi', en: 'Read the audit log' },
  'system.backup': { vi: 'Sao lưu và khôi phục dữ liệu', en: 'Back up and restore the data' },
} satisfies Record<Action, Label>

/**
 * Vietnamese and English labels for every enum of the domain, by group. Bands and due reasons
 * are labelled beside their rules (score.ts, due-tasks.ts) and only gathered here. Error and
 * issue codes are not labels: apps turn them into messages.
 */
const deletionRefusal = {
  'plan-published': { vi: 'Kế hoạch đã ban hành, không thể xóa', en: 'The plan is published and cannot be deleted' },
  'unit-in-use': { vi: 'Đơn vị đang được sử dụng; hãy cho kết thúc thay vì xóa', en: 'The unit is in use; end it instead of deleting it' },
  'user-has-acted': {
    vi: 'Người dùng đã có thao tác trong nhật ký; hãy khóa thay vì xóa',
    en: 'The user appears in the audit log; disable them instead',
  },
  'own-account': { vi: 'Không thể xóa hay khóa tài khoản của chính mình', en: 'You cannot delete or disable your own account' },
} satisfies Record<DeletionRefusal, Label>

export const ENUM_LABELS = {
  locale,
  indexKind,
  unitLevel,
  unitKind,
  unitClass,
  timeframeKind,
  recurrence,
  comparator,
  measureUnit,
  targetState,
  periodType,
  planStatus,
  reportStatus,
  workStatus,
  taskOutcome,
  submissionTimeliness,
  submissionState,
  reportAction,
  reportActor,
  resultUnit,
  aggregation,
  areaGroup,
  issueSeverity,
  band: BAND_LABELS,
  dueReason: DUE_REASON_LABELS,
  role,
  grantScope,
  action,
  deletionRefusal,
} as const

export type EnumGroup = keyof typeof ENUM_LABELS
export type EnumValue<G extends EnumGroup> = keyof (typeof ENUM_LABELS)[G] & string

/** The schema behind each group, so option lists keep the schema's order. */
export const ENUM_SCHEMAS = {
  locale: LocaleSchema,
  indexKind: IndexKindSchema,
  unitLevel: UnitLevelSchema,
  unitKind: UnitKindSchema,
  unitClass: UnitClassSchema,
  timeframeKind: TimeframeKindSchema,
  recurrence: RecurrenceSchema,
  comparator: ComparatorSchema,
  measureUnit: MeasureUnitSchema,
  targetState: TargetStateSchema,
  periodType: PeriodTypeSchema,
  planStatus: PlanStatusSchema,
  reportStatus: ReportStatusSchema,
  workStatus: WorkStatusSchema,
  taskOutcome: TaskOutcomeSchema,
  submissionTimeliness: SubmissionTimelinessSchema,
  submissionState: SubmissionStateSchema,
  reportAction: ReportActionTypeSchema,
  reportActor: ReportActorSchema,
  resultUnit: ResultUnitSchema,
  aggregation: AggregationSchema,
  areaGroup: AreaGroupSchema,
  issueSeverity: IssueSeveritySchema,
  band: BandSchema,
  dueReason: DueReasonSchema,
  role: RoleSchema,
  grantScope: GrantScopeSchema,
  action: ActionSchema,
  deletionRefusal: DeletionRefusalSchema,
} as const satisfies { [G in EnumGroup]: { readonly options: readonly EnumValue<G>[] } }

/** Comparators as symbols, for compact target text ("≥ 90 điểm", "hạng ≤ 10"). */
export const COMPARATOR_SYMBOLS = {
  gte: '≥',
  lte: '≤',
  eq: '=',
  between: '–',
  'rank-lte': '≤',
  'change-vs-baseline': 'Δ',
} as const satisfies Record<Comparator, string>

/**
 * The label of an enum value in a locale (Vietnamese by default). A value the group does not
 * know — only possible from untyped data — is returned as it is rather than hidden.
 *
 * @example
 * enumLabel('unitClass', 'district-committees') // 'UBND cấp huyện'
 * enumLabel('unitClass', 'district-committees', 'en') // "District people's committees"
 * enumLabel('taskOutcome', 'done-late') // 'Hoàn thành quá hạn'
 */
export function enumLabel<G extends EnumGroup>(group: G, value: EnumValue<G>, locale: Locale = DEFAULT_LOCALE): string {
  const labels: Readonly<Record<string, Label | undefined>> = ENUM_LABELS[group]
  return labels[value]?.[locale] ?? value
}

/**
 * The values of a group with their labels, in the schema's order — for select boxes and legends.
 *
 * @example
 * enumOptions('reportStatus').map((o) => o.label) // ['Nháp', 'Đã gửi', 'Đã chấp nhận', 'Bị trả lại']
 */
export function enumOptions<G extends EnumGroup>(group: G, locale: Locale = DEFAULT_LOCALE): { value: EnumValue<G>; label: string }[] {
  // Read through the mapped type so TypeScript ties the options of group G to EnumValue<G>.
  const schemas: { [K in EnumGroup]: { readonly options: readonly EnumValue<K>[] } } = ENUM_SCHEMAS
  const options = schemas[group].options
  return options.map((value) => ({ value, label: enumLabel(group, value, locale) }))
}
