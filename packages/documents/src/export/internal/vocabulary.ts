// Internal: the words of the exported documents that are not domain enums (those come from
// `enumLabel`). Vietnamese follows the seed plans' own table headings (Kiên Giang 97/KH-UBND,
// appendix: "STT, Nhiệm vụ trọng tâm, Đơn vị chủ trì, Đơn vị phối hợp, Thời gian thực hiện").
import type { Locale } from '@papi/domain'
import { issuerInSentence } from '../national-heading'

export interface Vocabulary {
  no: string
  task: string
  lead: string
  coordinators: string
  timeframe: string
  status: string
  progress: string
  taskTableTitle: string
  attachedTo: (plan: string) => string
  planRef: (number: string, issuedOn: string, issuer: string) => string
  statusAsOf: (period: string, asOf: string) => string
  reportTitle: string
  reportSubtitle: (planRef: string, period: string) => string
  // consolidated report
  taskAndUnits: string
  dueDate: string
  reportThisPeriod: string
  workStatus: string
  outcome: string
  narrative: string
  section: string
  unit: string
  role: string
  roleLead: string
  roleCoordinator: string
  notDueThisPeriod: string
  deadline: string
  expected: string
  submitted: string
  onTime: string
  late: string
  missing: string
  pending: string
  completeness: string
  timeliness: string
  submittedOn: string
  tasks: string
  total: string
  none: string
  target: string
  reportedBy: string
  observed: string
  assessment: string
  planLevel: string
  sheetTasks: string
  sheetUnits: string
  sheetLate: string
  sheetMissing: string
  sheetTargets: string
  captionTasks: string
  captionUnits: string
  captionLate: string
  captionMissing: string
  captionTargets: string
  periodLine: (period: string, from: string, to: string) => string
  deadlineLine: (parts: string) => string
  asOfLine: (date: string) => string
  progressLine: (progress: string, outcomes: string, taskCount: number) => string
  reportingLine: (
    submitted: number,
    expected: number,
    rate: string,
    onTime: number,
    late: number,
    missing: number,
    pending: number,
  ) => string
  nothingExpected: string
  unresolvedLine: (list: string) => string
  unitsLabel: string
}

const vi: Vocabulary = {
  no: 'STT',
  task: 'Nhiệm vụ',
  lead: 'Đơn vị chủ trì',
  coordinators: 'Đơn vị phối hợp',
  timeframe: 'Thời gian thực hiện',
  status: 'Tình trạng',
  progress: 'Tiến độ',
  taskTableTitle: 'BIỂU TỔNG HỢP NHIỆM VỤ',
  attachedTo: (plan) => `(Kèm theo ${plan})`,
  planRef: (number, issuedOn, issuer) =>
    `Kế hoạch${hasNumber(number) ? ` số ${number}` : ''} ngày ${issuedOn} của ${issuerInSentence(issuer)}`,
  statusAsOf: (period, asOf) => `Tình trạng thực hiện: ${period}, tính đến ngày ${asOf}`,
  reportTitle: 'BÁO CÁO',
  reportSubtitle: (planRef, period) => `Kết quả thực hiện ${planRef}, ${period}`,
  taskAndUnits: 'Nhiệm vụ / Đơn vị thực hiện',
  dueDate: 'Hạn hoàn thành',
  reportThisPeriod: 'Báo cáo kỳ này',
  workStatus: 'Tình hình thực hiện',
  outcome: 'Kết quả',
  narrative: 'Nội dung báo cáo',
  section: 'Mục',
  unit: 'Đơn vị',
  role: 'Vai trò',
  roleLead: 'Chủ trì',
  roleCoordinator: 'Phối hợp',
  notDueThisPeriod: 'Không thuộc kỳ báo cáo',
  deadline: 'Hạn gửi báo cáo',
  expected: 'Phải báo cáo',
  submitted: 'Đã gửi',
  onTime: 'Đúng hạn',
  late: 'Trễ hạn',
  missing: 'Chưa gửi',
  pending: 'Chưa đến hạn',
  completeness: 'Tỷ lệ đã gửi',
  timeliness: 'Tỷ lệ đúng hạn',
  submittedOn: 'Ngày gửi',
  tasks: 'Nhiệm vụ',
  total: 'Tổng cộng',
  none: 'Không có',
  target: 'Chỉ tiêu',
  reportedBy: 'Đơn vị báo cáo',
  observed: 'Kết quả đạt được',
  assessment: 'Đánh giá',
  planLevel: 'Kế hoạch',
  sheetTasks: 'Nhiệm vụ',
  sheetUnits: 'Đơn vị',
  sheetLate: 'Trễ hạn',
  sheetMissing: 'Chưa gửi',
  sheetTargets: 'Chỉ tiêu',
  captionTasks: '1. Tình hình thực hiện nhiệm vụ',
  captionUnits: '2. Tình hình gửi báo cáo của các đơn vị',
  captionLate: '3. Đơn vị gửi báo cáo trễ hạn',
  captionMissing: '4. Đơn vị chưa gửi báo cáo',
  captionTargets: '5. Kết quả thực hiện các chỉ tiêu',
  periodLine: (period, from, to) => `Kỳ báo cáo: ${period}; thời gian chốt số liệu từ ngày ${from} đến ngày ${to}.`,
  deadlineLine: (parts) => `Hạn gửi báo cáo: ${parts}.`,
  asOfLine: (date) => `Số liệu tổng hợp đến ngày ${date}.`,
  progressLine: (progress, outcomes, taskCount) => `Tiến độ chung của Kế hoạch: ${progress}. Kết quả ${taskCount} nhiệm vụ: ${outcomes}.`,
  reportingLine: (submitted, expected, rate, onTime, late, missing, pending) =>
    `Tình hình gửi báo cáo: ${submitted}/${expected} báo cáo đã gửi (${rate}), trong đó ${onTime} đúng hạn, ${late} trễ hạn; ${missing} chưa gửi; ${pending} chưa đến hạn.`,
  nothingExpected: 'Tình hình gửi báo cáo: không có báo cáo nào phải gửi trong kỳ.',
  unresolvedLine: (list) => `Đơn vị được giao chưa xác định được trong danh mục đơn vị: ${list}.`,
  unitsLabel: 'đơn vị',
}

const en: Vocabulary = {
  no: 'No.',
  task: 'Task',
  lead: 'Lead unit',
  coordinators: 'Coordinating units',
  timeframe: 'Timeframe',
  status: 'Status',
  progress: 'Progress',
  taskTableTitle: 'TASK SUMMARY TABLE',
  attachedTo: (plan) => `(Attached to ${plan})`,
  planRef: (number, issuedOn, issuer) => `Plan${hasNumber(number) ? ` No. ${number}` : ''} of ${issuedOn} of ${issuerInSentence(issuer)}`,
  statusAsOf: (period, asOf) => `Status: ${period}, as of ${asOf}`,
  reportTitle: 'REPORT',
  reportSubtitle: (planRef, period) => `Implementation of ${planRef}, ${period}`,
  taskAndUnits: 'Task / Responsible units',
  dueDate: 'Due date',
  reportThisPeriod: 'Report this period',
  workStatus: 'Work status',
  outcome: 'Outcome',
  narrative: 'Narrative',
  section: 'Section',
  unit: 'Unit',
  role: 'Role',
  roleLead: 'Lead',
  roleCoordinator: 'Coordinating',
  notDueThisPeriod: 'Not due this period',
  deadline: 'Report deadline',
  expected: 'Expected',
  submitted: 'Submitted',
  onTime: 'On time',
  late: 'Late',
  missing: 'Missing',
  pending: 'Not yet due',
  completeness: 'Completeness',
  timeliness: 'Timeliness',
  submittedOn: 'Submitted on',
  tasks: 'Tasks',
  total: 'Total',
  none: 'None',
  target: 'Target',
  reportedBy: 'Reported by',
  observed: 'Value reached',
  assessment: 'Assessment',
  planLevel: 'Plan',
  sheetTasks: 'Tasks',
  sheetUnits: 'Units',
  sheetLate: 'Late',
  sheetMissing: 'Missing',
  sheetTargets: 'Targets',
  captionTasks: '1. Implementation of tasks',
  captionUnits: '2. Reporting by unit',
  captionLate: '3. Units that reported late',
  captionMissing: '4. Units that have not reported',
  captionTargets: '5. Targets',
  periodLine: (period, from, to) => `Reporting period: ${period}; data cut-off from ${from} to ${to}.`,
  deadlineLine: (parts) => `Report deadlines: ${parts}.`,
  asOfLine: (date) => `Figures as of ${date}.`,
  progressLine: (progress, outcomes, taskCount) =>
    `Overall progress of the plan: ${progress}. Outcome of the ${taskCount} tasks: ${outcomes}.`,
  reportingLine: (submitted, expected, rate, onTime, late, missing, pending) =>
    `Reporting: ${submitted} of ${expected} reports submitted (${rate}), ${onTime} on time and ${late} late; ${missing} missing; ${pending} not yet due.`,
  nothingExpected: 'Reporting: no report was expected this period.',
  unresolvedLine: (list) => `Assignees not found among the units: ${list}.`,
  unitsLabel: 'units',
}

export const VOCABULARY: Readonly<Record<Locale, Vocabulary>> = { vi, en }

/** Whether a plan has a number to cite: one issued without ("Không số") is cited by its date. */
function hasNumber(number: string): boolean {
  return number.trim() !== '' && !/^(?:không số|no number|số:?)$/iu.test(number.trim())
}
