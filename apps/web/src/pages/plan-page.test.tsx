import { Route, Router, useNavigate } from '@solidjs/router'
import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library'
import { describe, expect, it, vi } from 'vitest'
import type { Me, PlanDetail, Unit } from '../api/types'
import { I18nProvider } from '../i18n/i18n-context'
import { SessionProvider } from '../session/session-context'
import { memoryStorage } from '../test/render'
import PlanPage, { noticeOf } from './plan-page'
import { jsonResponse } from '../test/json-response'

// Kiên Giang with its Department of Home Affairs (the plan's standing agency) and another department.
const units = [
  { id: 'kg', name: 'UBND tỉnh Kiên Giang', parentId: null, level: 'province', kind: 'peoples-committee' },
  { id: 'kg-snv', name: 'Sở Nội vụ', parentId: 'kg', level: 'province', kind: 'department' },
  { id: 'kg-stc', name: 'Sở Tài chính', parentId: 'kg', level: 'province', kind: 'department' },
] as unknown as Unit[]

const plan = (id: string, status: 'draft' | 'published'): PlanDetail =>
  ({
    id,
    number: id === 'p-97' ? '97/KH-UBND' : '12/KH-UBND',
    title: `Kế hoạch ${id}`,
    issuer: 'UBND tỉnh Kiên Giang',
    issuerUnitId: 'kg',
    scopeUnitId: 'kg',
    issuedOn: '2018-03-01',
    index: 'papi',
    years: [2018],
    status,
    version: 1,
    provinceId: 'kg',
    goals: [],
    targets: [],
    sections: [],
    unresolved: [],
    standingAgency: { text: 'Sở Nội vụ', unitId: 'kg-snv' },
  }) as unknown as PlanDetail

const meAs = (role: 'planner' | 'reporter', unitId: string): Me => ({
  user: { id: 'u', username: 'u', displayName: 'U', disabled: false, roles: [], version: 1 },
  roles: [{ role, unitId }],
  permissions:
    role === 'planner'
      ? [
          { action: 'plan.read', scope: 'subtree', unitId },
          { action: 'plan.manage', scope: 'subtree', unitId },
        ]
      : [{ action: 'report.write', scope: 'unit', unitId }],
  csrfToken: 'c',
})

/** The routes the plan page asks for, answering as apps/api does; publishing answers the plan published. */
function fakeServer(me: Me, plans: Record<string, PlanDetail>) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input).split('?')[0] ?? ''
    if (path === '/api/v1/me') return jsonResponse(200, me)
    if (path === '/api/v1/units') return jsonResponse(200, units)
    if (path === '/api/v1/plans') return jsonResponse(200, Object.values(plans))
    const publish = /^\/api\/v1\/plans\/([^/]+)\/publish$/.exec(path)
    if (publish && init?.method === 'POST') {
      const id = publish[1] as string
      plans[id] = { ...(plans[id] as PlanDetail), status: 'published', version: 2 }
      return jsonResponse(200, plans[id])
    }
    const one = /^\/api\/v1\/plans\/([^/]+)$/.exec(path)
    if (one && plans[one[1] as string]) return jsonResponse(200, plans[one[1] as string])
    if (/\/periods$/.test(path)) return jsonResponse(200, [])
    if (/\/children$/.test(path)) return jsonResponse(200, [])
    if (/\/targets$/.test(path)) return jsonResponse(200, [])
    return jsonResponse(404, { error: { code: 'not-found', message: 'Không tìm thấy.' } })
  })
}

// The plan page loads its parts one after another: a loaded machine takes longer than the 1 s default.
const SLOW = { timeout: 5000 }

let go: ((to: string) => void) | undefined
function Navigator() {
  go = useNavigate()
  return null
}

function setup(me: Me, plans: Record<string, PlanDetail>, at: string) {
  window.history.replaceState(null, '', at)
  const server = fakeServer(me, plans)
  render(() => (
    <I18nProvider storage={memoryStorage()} initial="vi">
      <SessionProvider fetch={server}>
        <Router
          root={(props) => (
            <>
              <Navigator />
              {props.children}
            </>
          )}
        >
          <Route path="/plans/:id" component={PlanPage} />
        </Router>
      </SessionProvider>
    </I18nProvider>
  ))
  return server
}

describe('noticeOf', () => {
  it('says the notice on the plan it was said of, and nothing on another plan', () => {
    expect(noticeOf({ planId: 'p-97', message: 'Đã công bố.' }, 'p-97')).toBe('Đã công bố.')
    expect(noticeOf({ planId: 'p-97', message: 'Đã công bố.' }, 'p-12')).toBeUndefined()
    expect(noticeOf(undefined, 'p-97')).toBeUndefined()
  })
})

describe('PlanPage', () => {
  it('clears the last notice ("published") when the planner opens another plan', async () => {
    setup(meAs('planner', 'kg'), { 'p-97': plan('p-97', 'draft'), 'p-12': plan('p-12', 'published') }, '/plans/p-97')
    fireEvent.click(await screen.findByRole('button', { name: 'Công bố kế hoạch' }, SLOW))
    const status = await screen.findByTestId('plan-admin-status', {}, SLOW)
    await waitFor(() => expect(status.textContent).toBe('Đã công bố; các kỳ báo cáo đã được mở.'), SLOW)
    go?.('/plans/p-12')
    await screen.findByRole('heading', { name: /12\/KH-UBND/ }, SLOW)
    await waitFor(() => expect(screen.getByTestId('plan-admin-status').textContent).toBe(''), SLOW)
  })

  it.each([
    ['a planner of the plan’s own unit', meAs('planner', 'kg'), true],
    ['a planner of its standing agency (Sở Nội vụ)', meAs('planner', 'kg-snv'), true],
    ['a planner of another department', meAs('planner', 'kg-stc'), false],
    ['a reporter of the standing agency', meAs('reporter', 'kg-snv'), false],
  ])('shows the period report form to %s exactly when the API lets them write it', async (_who, me, shown) => {
    setup(me, { 'p-97': plan('p-97', 'published') }, '/plans/p-97')
    await screen.findByRole('heading', { name: /97\/KH-UBND/ }, SLOW)
    if (shown) expect(await screen.findByTestId('period-report', {}, SLOW)).toBeTruthy()
    else {
      // The page has drawn what it will draw once the units (the tree the rule reads) are in.
      await new Promise((r) => setTimeout(r, 50))
      expect(screen.queryByTestId('period-report')).toBeNull()
    }
  })
})
