import { render, screen } from '@solidjs/testing-library'
import { Route, Router } from '@solidjs/router'
import { describe, expect, it, vi } from 'vitest'
import type { ChildPlanDto } from '../api/types'
import { I18nProvider } from '../i18n/i18n-context'
import { SessionProvider } from '../session/session-context'
import { memoryStorage } from '../test/render'
import ChildPlans from './child-plans'
import { jsonResponse } from '../test/json-response'

const ducHop: ChildPlanDto = {
  planId: 'p-duc-hop',
  number: '12/KH-UBND',
  title: 'Kế hoạch nâng cao chỉ số PAPI xã Đức Hợp năm 2023',
  issuer: 'UBND xã Đức Hợp',
  issuedOn: '2023-03-01',
  status: 'published',
  scopeUnitId: 'duc-hop',
  periodId: '2023S1',
  dueOn: '2023-06-02',
  asOf: '2023-06-02',
  reporting: { expected: 27, submitted: 20, accepted: 15, onTime: 18, late: 2, missing: 7, pending: 0, completeness: 74.1, timeliness: 90 },
  progress: 62.5,
}
const hidden: ChildPlanDto = {
  ...ducHop,
  planId: 'p-2',
  number: '30/KH-UBND',
  issuer: 'UBND xã Toàn Thắng',
  reporting: null,
  progress: null,
}

function setup(children: ChildPlanDto[], locale: 'vi' | 'en' = 'vi') {
  const server = vi.fn(async (input: RequestInfo | URL) => {
    const path = String(input)
    if (path === '/api/v1/me') return jsonResponse(401, { error: { code: 'unauthenticated', message: '' } })
    if (path.startsWith('/api/v1/plans/p-tinh/children')) return jsonResponse(200, children)
    return jsonResponse(404, { error: { code: 'not-found', message: '' } })
  })
  render(() => (
    <I18nProvider storage={memoryStorage()} initial={locale}>
      <SessionProvider fetch={server}>
        <Router>
          <Route path="*" component={() => <ChildPlans planId="p-tinh" />} />
        </Router>
      </SessionProvider>
    </I18nProvider>
  ))
  return server
}

describe('ChildPlans', () => {
  it('shows each child plan’s reports due, filed, accepted, late, missing and progress in its own period', async () => {
    setup([ducHop, hidden])
    const row = await screen.findByTestId('child-plan-12/KH-UBND')
    expect(screen.getByRole('heading', { name: 'Kế hoạch cấp dưới thực hiện kế hoạch này' })).toBeTruthy()
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent)
    expect(cells.slice(2)).toEqual(['27', '20', '15', '2', '7', '63%'])
    expect(cells[1]).toContain('6 tháng đầu năm 2023')
    expect(row.querySelector('a')?.getAttribute('href')).toBe('/plans/p-duc-hop')
    // A child whose figures the reader may not see says so instead of zeros.
    expect((await screen.findByTestId('child-plan-30/KH-UBND')).textContent).toContain('Không có quyền xem số liệu')
  })

  it('shows nothing when no plan implements this one', async () => {
    const server = setup([])
    await vi.waitFor(() => expect(server.mock.calls.some(([p]) => String(p).includes('/children'))).toBe(true))
    expect(screen.queryByTestId('child-plans')).toBeNull()
  })

  it('speaks English too', async () => {
    setup([ducHop], 'en')
    await screen.findByRole('heading', { name: 'Plans that implement this plan' })
    expect(screen.getByRole('columnheader', { name: 'Accepted' })).toBeTruthy()
  })
})
