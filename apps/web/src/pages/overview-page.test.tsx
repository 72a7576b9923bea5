import { Route, Router } from '@solidjs/router'
import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library'
import { describe, expect, it, vi } from 'vitest'
import type { Me, Unit } from '../api/types'
import { I18nProvider } from '../i18n/i18n-context'
import { today } from '../lib/today'
import { SessionProvider } from '../session/session-context'
import { memoryStorage } from '../test/render'
import OverviewPage from './overview-page'
import { jsonResponse } from '../test/json-response'

// Kiên Giang and one of its communes.
const units = [
  { id: 'kg', name: 'UBND tỉnh Kiên Giang', parentId: null, level: 'province', kind: 'peoples-committee' },
  { id: 'kg-vt', name: 'UBND phường Vĩnh Thanh Vân', parentId: 'kg', level: 'commune', kind: 'peoples-committee' },
] as unknown as Unit[]

const me: Me = {
  user: { id: 'u', username: 'viewer', displayName: 'V', disabled: false, roles: [], version: 1 },
  roles: [{ role: 'viewer', unitId: 'kg' }],
  permissions: [
    { action: 'plan.read', scope: 'subtree', unitId: 'kg' },
    { action: 'dashboard.read', scope: 'subtree', unitId: 'kg' },
  ],
  csrfToken: 'c',
} as unknown as Me

// A period of this year still open: the one the overview asks the dashboard for.
const year = today().slice(0, 4)
const period = { id: 'per', planId: 'p-97', code: year, dueOn: `${year}-12-31`, graceDays: 0, status: 'open' }

/** The routes the overview asks for, answering as apps/api does (empty where it does not matter here). */
function fakeServer() {
  return vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://papi.test')
    const path = url.pathname
    if (path === '/api/v1/me') return jsonResponse(200, me)
    if (path === '/api/v1/units') return jsonResponse(200, units)
    if (path === '/api/v1/plans') return jsonResponse(200, [{ id: 'p-97', status: 'published', index: 'papi', issuedOn: '2018-03-01' }])
    if (path === '/api/v1/plans/p-97/periods') return jsonResponse(200, [period])
    if (path === '/api/v1/dashboard') {
      const unitId = url.searchParams.get('unitId')
      const totals = { expected: 0, submitted: 0, onTime: 0, late: 0, missing: 0, completeness: null, timeliness: null }
      return jsonResponse(200, { unitId, periodId: year, asOf: `${year}-06-30T00:00:00.000Z`, totals, plans: [] })
    }
    if (path.startsWith('/api/v1/scores')) return jsonResponse(200, [])
    return jsonResponse(404, { error: { code: 'not-found', message: 'Không tìm thấy.' } })
  })
}

const dashboardAsks = (server: ReturnType<typeof fakeServer>, unitId: string) =>
  server.mock.calls.filter(([input]) => {
    const url = new URL(String(input), 'http://papi.test')
    return url.pathname === '/api/v1/dashboard' && url.searchParams.get('unitId') === unitId
  }).length

// The overview loads its parts one after another: a loaded machine takes longer than the 1 s default.
const SLOW = { timeout: 5000 }

// The overview at "/" for the Kiên Giang viewer, once it has asked for its first dashboard.
async function openOverview() {
  window.history.replaceState(null, '', '/')
  const server = fakeServer()
  render(() => (
    <I18nProvider storage={memoryStorage()} initial="vi">
      <SessionProvider fetch={server}>
        <Router>
          <Route path="/" component={OverviewPage} />
        </Router>
      </SessionProvider>
    </I18nProvider>
  ))
  await screen.findByTestId('period-status', {}, SLOW)
  await waitFor(() => expect(dashboardAsks(server, 'kg')).toBe(1), SLOW)
  return server
}

describe('OverviewPage', () => {
  it('asks for the dashboard once per unit chosen (the national one is ~8.5 MB of JSON)', async () => {
    const server = await openOverview()

    const select = (await screen.findByLabelText('Đơn vị', {}, SLOW)) as HTMLSelectElement
    await waitFor(() => expect(select.querySelector('option[value="kg-vt"]')).not.toBeNull(), SLOW)
    fireEvent.change(select, { target: { value: 'kg-vt' } })
    await waitFor(() => expect(dashboardAsks(server, 'kg-vt')).toBe(1), SLOW)
    // Whatever else the change of address sets off, nothing asks again.
    await new Promise((r) => setTimeout(r, 200))
    expect(dashboardAsks(server, 'kg-vt')).toBe(1)
    expect(dashboardAsks(server, 'kg')).toBe(1)
  })

  it('does not ask again when the address comes to name the unit already shown', async () => {
    const server = await openOverview()
    // The viewer's own unit, shown by default, chosen in the list: the address gains ?unit=kg.
    const select = (await screen.findByLabelText('Đơn vị', {}, SLOW)) as HTMLSelectElement
    fireEvent.change(select, { target: { value: 'kg' } })
    await waitFor(() => expect(window.location.search).toBe('?unit=kg'), SLOW)
    await new Promise((r) => setTimeout(r, 200))
    expect(dashboardAsks(server, 'kg')).toBe(1)
  })
})
