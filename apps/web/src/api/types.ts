// Response shapes of the papi HTTP API as the dashboard reads them: @papi/domain types plus the
// ids, resolved assignees and rollups the API adds (see packages/store: StoredPlan, StoredReport,
// Dashboard, StoredPeriod, StoredScore).
import type {
  IndexResult,
  Permission,
  Plan,
  Report,
  RoleGrant,
  Section,
  SectionProgress,
  Target,
  TargetState,
  Task,
  OutcomeCounts,
  Unit,
  UnitReportingStats,
} from '@papi/domain'

export interface User {
  id: string
  username: string
  displayName: string
  roles?: RoleGrant[]
}

export interface Me {
  user: User
  roles: RoleGrant[]
  permissions: Permission[]
  csrfToken?: string
}

export interface LoginResult {
  token: string
  user: User
  csrfToken?: string
  expiresAt?: string
}

/** A unit a task is assigned to, as resolved from the plan's assignees (classes expanded). */
export interface TaskAssignee {
  unitId: string
  unitName: string
  role: 'lead' | 'coordinator'
  /** The assignee as the plan wrote it ("UBND cấp xã"). */
  assigneeText: string
}

export type TaskDto = Task & { id: string; sectionId?: string; assignees: TaskAssignee[] }
export type SectionDto = Omit<Section, 'tasks'> & { id: string; tasks: TaskDto[] }
export type PlanDetail = Omit<Plan, 'sections'> & {
  id: string
  version?: number
  sections: SectionDto[]
  unresolved?: { taskCode: string; text: string }[]
}

export interface PlanSummary {
  id: string
  number: string
  title: string
  issuer: string
  issuedOn: string
  index: Plan['index']
  years: Plan['years']
  status: Plan['status']
  scopeUnitId?: string
  taskCount: number
}

export interface PeriodDto {
  id: string
  planId: string
  /** Period id: 2018Q2, 2018S1, 2018. */
  code: string
  cutoffStart: string
  cutoffEnd: string
  dueOn: string
  locked: boolean
  /** The period's name in the request's language ("Quý II/2018"). */
  label?: string
  /** Deadline at each level: communes report before the province consolidates. */
  deadlines?: Record<'national' | 'province' | 'district' | 'commune', string>
}

/** A plan or task target with its state against published scores and reported KPI values. */
export type EvaluatedTarget = Target & {
  taskId: string | null
  taskCode: string | null
  state: TargetState
  observed: { value?: number; rank?: number; year?: number }
}

export type ReportDto = Report & { id: string; planId?: string; updatedAt?: string }

/** Body of `PUT /api/v1/reports`. */
export interface SaveReportInput {
  taskId: string
  unitId: string
  periodId: string
  workStatus: Report['workStatus']
  progress: number
  narrative: string
  kpiValues?: Report['kpiValues']
  completedOn?: string
  version?: number
}

export type UnitStats = UnitReportingStats & { unitName: string; parentId: string | null }

export interface PlanDashboard {
  planId: string
  number: string
  title: string
  periodId: string
  cutoffStart: string
  cutoffEnd: string
  dueOn: string
  reporting: UnitReportingStats
  progress: number | null
  outcomes: OutcomeCounts
  sections: SectionProgress[]
  units: UnitStats[]
}

export interface Dashboard {
  unitId: string
  periodId: string
  asOf: string
  plans: PlanDashboard[]
  totals: Omit<UnitReportingStats, 'unitId'>
}

export type ScoreDto = IndexResult & { id: string; index: string }

export type { Unit }
