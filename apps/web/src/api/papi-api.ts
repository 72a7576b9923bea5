import type { Unit } from '@papi/domain'
import type { Http } from './http'
import type {
  Dashboard,
  EvaluatedTarget,
  LoginResult,
  Me,
  PeriodDto,
  PlanDetail,
  PlanSummary,
  ReportDto,
  SaveReportInput,
  ScoreDto,
} from './types'

const V1 = '/api/v1'
const id = encodeURIComponent

/**
 * The API routes the dashboard calls, one function each, over an {@link Http}. Paths and shapes
 * follow apps/api (its OpenAPI at /api/docs); the dashboard builds no API URL anywhere else.
 */
export function papiApi(http: Http) {
  return {
    login: (username: string, password: string) =>
      http<LoginResult>(`${V1}/auth/login`, { method: 'POST', body: { username, password } }),
    logout: () => http<{ status: 'ok' }>(`${V1}/auth/logout`, { method: 'POST' }),
    me: () => http<Me>(`${V1}/me`),

    units: () => http<Unit[]>(`${V1}/units`),

    plans: () => http<PlanSummary[]>(`${V1}/plans`),
    plan: (planId: string) => http<PlanDetail>(`${V1}/plans/${id(planId)}`),
    targets: (planId: string) => http<EvaluatedTarget[]>(`${V1}/plans/${id(planId)}/targets`),
    periods: (planId: string) => http<PeriodDto[]>(`${V1}/plans/${id(planId)}/periods`),

    reports: (query: { planId?: string; periodId?: string; unitId?: string; status?: string; taskId?: string }) =>
      http<ReportDto[]>(`${V1}/reports`, { query }),
    report: (reportId: string) => http<ReportDto>(`${V1}/reports/${id(reportId)}`),
    saveReport: (input: SaveReportInput) => http<ReportDto>(`${V1}/reports`, { method: 'PUT', body: input }),
    submitReport: (reportId: string, version?: number) =>
      http<ReportDto>(`${V1}/reports/${id(reportId)}/submit`, { method: 'POST', body: { version } }),
    acceptReport: (reportId: string, version?: number) =>
      http<ReportDto>(`${V1}/reports/${id(reportId)}/accept`, { method: 'POST', body: { version } }),
    returnReport: (reportId: string, comment: string, version?: number) =>
      http<ReportDto>(`${V1}/reports/${id(reportId)}/return`, { method: 'POST', body: { comment, version } }),

    dashboard: (query: { unitId: string; periodId: string; planId?: string }) => http<Dashboard>(`${V1}/dashboard`, { query }),

    scores: (query: { unitId?: string; index?: string; year?: number; frameworkId?: string }) =>
      http<ScoreDto[]>(`${V1}/scores`, { query }),
  }
}

export type PapiApi = ReturnType<typeof papiApi>
