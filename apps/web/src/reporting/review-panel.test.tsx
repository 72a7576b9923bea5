import { Route, Router } from '@solidjs/router'
import { render, screen } from '@solidjs/testing-library'
import { describe, expect, it, vi } from 'vitest'
import type { Me, ReportDto, Unit } from '../api/types'
import { I18nProvider } from '../i18n/i18n-context'
import { SessionProvider } from '../session/session-context'
import { memoryStorage } from '../test/render'
import { reportFixture } from '../test/report-fixture'
import { ReviewPanel } from './review-panel'
import { jsonResponse } from '../test/json-response'

const units = [
  { id: 'kg', name: 'UBND tỉnh Kiên Giang', parentId: null, level: 'province', kind: 'people-committee' },
  { id: 'xa-a', name: 'UBND xã Minh Lương', parentId: 'kg', level: 'commune', kind: 'people-committee' },
  { id: 'xa-b', name: 'UBND xã Bình An', parentId: 'kg', level: 'commune', kind: 'people-committee' },
] as unknown as Unit[]

const me: Me = {
  user: { id: 'u', username: 'kg.snv', displayName: 'Sở Nội vụ', disabled: false, roles: [], version: 1 },
  roles: [{ role: 'planner', unitId: 'kg' }],
  permissions: [
    { action: 'report.read', scope: 'subtree', unitId: 'kg' },
    { action: 'report.review', scope: 'subtree', unitId: 'kg' },
  ],
  csrfToken: 'c',
}

// 2018S1 as the plan opened it: communes due 16/06/2018, two days of grace.
const period = {
  code: '2018S1',
  label: '6 tháng đầu năm 2018',
  cutoffStart: '2017-12-15',
  cutoffEnd: '2018-06-14',
  dueOn: '2018-06-18',
  graceDays: 2,
  locked: false,
  version: 1,
  deadlines: { national: '2018-06-18', province: '2018-06-18', district: '2018-06-17', commune: '2018-06-16' },
}

const plan = {
  id: 'p-97',
  number: '97/KH-UBND',
  sections: [
    {
      id: 's1',
      code: '1',
      title: 'Tham gia',
      tasks: [
        { id: 't-13', code: '1.3', title: 'Niêm yết công khai', lead: [], coordinators: [], targets: [], assignees: [] },
        { id: 't-23', code: '2.3', title: 'Công khai quy hoạch', lead: [], coordinators: [], targets: [], assignees: [] },
      ],
    },
  ],
}

const queue: ReportDto[] = [
  // Filed today (the machine's clock) for a 2018 period: late.
  reportFixture({
    id: 'r-1',
    taskId: 't-13',
    unitId: 'xa-a',
    periodId: '2018S1',
    status: 'submitted',
    submittedAt: new Date().toISOString(),
  }),
  // Filed on the second day of grace: on time.
  reportFixture({
    id: 'r-2',
    taskId: 't-23',
    unitId: 'xa-b',
    periodId: '2018S1',
    status: 'submitted',
    submittedAt: '2018-06-18T09:00:00+07:00',
  }),
]

function setup(locale: 'vi' | 'en' = 'vi') {
  const server = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://papi.test')
    if (url.pathname === '/api/v1/me') return jsonResponse(200, me)
    if (url.pathname === '/api/v1/units') return jsonResponse(200, units)
    if (url.pathname === '/api/v1/reports') return jsonResponse(200, url.searchParams.get('status') === 'submitted' ? queue : [])
    if (url.pathname === '/api/v1/plans/p-97') return jsonResponse(200, plan)
    if (url.pathname === '/api/v1/plans/p-97/periods') return jsonResponse(200, [period])
    return jsonResponse(404, { error: { code: 'not-found', message: '' } })
  })
  render(() => (
    <I18nProvider storage={memoryStorage()} initial={locale}>
      <SessionProvider fetch={server}>
        <Router>
          <Route path="*" component={() => <ReviewPanel periodId="2018S1" />} />
        </Router>
      </SessionProvider>
    </I18nProvider>
  ))
}

// The panel loads the reports, then their plans and periods: slower than 1 s on a loaded machine.
const SLOW = { timeout: 5000 }

describe('ReviewPanel', () => {
  it('flags a report filed today for 2018S1 late, and one filed within the grace days on time', async () => {
    setup()
    const late = await screen.findByTestId('review-1.3', {}, SLOW)
    const onTime = await screen.findByTestId('review-2.3', {}, SLOW)
    await vi.waitFor(() => expect(late.querySelector('[data-testid="review-timeliness"]')?.textContent).toBe('Trễ hạn'), SLOW)
    expect(onTime.querySelector('[data-testid="review-timeliness"]')?.textContent).toBe('Đúng hạn')
  })

  it('says it in English too', async () => {
    setup('en')
    const late = await screen.findByTestId('review-1.3', {}, SLOW)
    await vi.waitFor(() => expect(late.querySelector('[data-testid="review-timeliness"]')?.textContent).toBe('Late'), SLOW)
  })
})
