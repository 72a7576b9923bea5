// Shapes of the papi API as the dashboard reads them, taken from the typed client: they follow
// the API's response schemas (apps/api/src/schemas.ts and the routes) and never drift from them.
import type { OkBody } from '@papi/api/client'
import type { InferRequestType } from 'hono/client'
import type { WebClient } from './papi-client'

type Answer<F> = F extends (...args: never[]) => Promise<infer R> ? OkBody<R> : never

export type Me = Answer<WebClient['me']['$get']>
export type User = Me['user']
export type LoginResult = Answer<WebClient['auth']['login']['$post']>
export type Unit = Answer<WebClient['units']['$get']>[number]

export type PlanSummary = Answer<WebClient['plans']['$get']>[number]
export type PlanDetail = Answer<WebClient['plans'][':id']['$get']>
/** What `POST /plans/import` reads from a document before anything is stored (the dry run). */
export type PlanImportDryRun = Extract<Answer<WebClient['plans']['import']['$post']>, { dryRun: true }>
export type SectionDto = PlanDetail['sections'][number]
export type TaskDto = SectionDto['tasks'][number]
/** A unit a task is assigned to, as resolved from the plan's assignees (classes expanded). */
export type TaskAssignee = TaskDto['assignees'][number]
/** A plan or task target with its state against published scores and reported KPI values. */
export type EvaluatedTarget = Answer<WebClient['plans'][':id']['targets']['$get']>[number]
/** A plan's reporting period with its window and the deadline at each level. */
export type PeriodDto = Answer<WebClient['plans'][':id']['periods']['$get']>[number]
/** A plan that implements another, with its figures for a period (GET /plans/{id}/children). */
export type ChildPlanDto = Answer<WebClient['plans'][':id']['children']['$get']>[number]
/** The written parts of the plan's own report for a period, with the version to send back. */
export type PeriodNarrativeDto = Answer<WebClient['plans'][':id']['periods'][':periodId']['narrative']['$get']>
/** Body of `PUT /plans/{id}/periods/{periodId}/narrative`. */
export type SavePeriodNarrativeInput = InferRequestType<WebClient['plans'][':id']['periods'][':periodId']['narrative']['$put']>['json']

export type ReportDto = Answer<WebClient['reports'][':id']['$get']>
/** Body of `PUT /api/v1/reports`. */
export type SaveReportInput = InferRequestType<WebClient['reports']['$put']>['json']

/** "My tasks this period" (`GET /api/v1/my-tasks`). */
export type MyTasks = Answer<WebClient['my-tasks']['$get']>
export type MyTask = MyTasks['tasks'][number]

export type Dashboard = Answer<WebClient['dashboard']['$get']>
export type PlanDashboard = Dashboard['plans'][number]
export type UnitStats = PlanDashboard['units'][number]

export type ScoreDto = Answer<WebClient['scores']['$get']>[number]
/** A year a unit was listed but not ranked in (GET /scores/not-ranked). */
export type NotRankedDto = Answer<WebClient['scores']['not-ranked']['$get']>[number]
export type ScoreImportAnswer = Answer<WebClient['scores']['import']['$post']>
