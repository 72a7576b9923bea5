import { describe, expect, it } from 'vitest'
import { periodReportUrl, taskTableUrl } from './export-links'
import { createWebClient } from './papi-client'

const api = createWebClient({ locale: () => 'vi', csrfToken: () => undefined, fetch: async () => new Response(null, { status: 204 }) })

describe('export links', () => {
  it('addresses the task table in a format and language, optionally for a period', () => {
    expect(taskTableUrl(api, 'p-1', { format: 'xlsx', lang: 'vi' })).toBe('/api/v1/plans/p-1/exports/task-table?format=xlsx&lang=vi')
    expect(taskTableUrl(api, 'p-1', { format: 'csv', lang: 'en', periodId: '2018S1' })).toBe(
      '/api/v1/plans/p-1/exports/task-table?format=csv&lang=en&periodId=2018S1',
    )
  })

  it("addresses a period's consolidated report", () => {
    expect(periodReportUrl(api, 'p-1', { periodId: '2018S1', format: 'docx', lang: 'en' })).toBe(
      '/api/v1/plans/p-1/exports/report?periodId=2018S1&format=docx&lang=en',
    )
    // Judged on the day the page beside the link counts on.
    expect(periodReportUrl(api, 'p-1', { periodId: '2018S1', format: 'xlsx', lang: 'vi', asOf: '2026-12-05' })).toBe(
      '/api/v1/plans/p-1/exports/report?periodId=2018S1&format=xlsx&lang=vi&asOf=2026-12-05',
    )
  })
})
