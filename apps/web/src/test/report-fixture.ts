import type { ReportDto } from '../api/types'

/** A stored report as `GET /api/v1/reports/{id}` answers it, for component tests. */
export function reportFixture(over: Partial<ReportDto> = {}): ReportDto {
  return {
    id: 'r-1',
    planId: 'p-97',
    provinceId: 'kg',
    taskId: 't-23',
    unitId: 'xa-a',
    periodId: '2018Q2',
    status: 'draft',
    workStatus: 'in-progress',
    progress: 40,
    narrative: '',
    kpiValues: [],
    evidence: [],
    version: 1,
    updatedAt: '2018-06-10T02:00:00Z',
    updatedBy: null,
    ...over,
  }
}
