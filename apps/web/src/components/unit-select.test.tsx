import { Route, Router } from '@solidjs/router'
import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library'
import type { JSX } from 'solid-js'
import { describe, expect, it, vi } from 'vitest'
import type { Me, Unit } from '../api/types'
import { I18nProvider } from '../i18n/i18n-context'
import { planDateOf } from '../pages/plan-import-page'
import { UnitPicker } from '../planning/unit-picker'
import { SessionProvider } from '../session/session-context'
import { memoryStorage } from '../test/render'
import { UnitSelect } from './unit-select'
import { jsonResponse } from '../test/json-response'

// Huế as the register has it today, and (GET /units?asOf=) as it was before it became a city on 1 January 2025.
const today = [
  { id: 'hue', name: 'UBND thành phố Huế', parentId: null, level: 'province', kind: 'peoples-committee' },
  { id: 'hue-snv', name: 'Sở Nội vụ thành phố Huế', parentId: 'hue', level: 'province', kind: 'department' },
] as unknown as Unit[]
const in2018 = [
  { ...today[0], name: 'UBND tỉnh Thừa Thiên Huế' },
  { ...today[1], name: 'Sở Nội vụ tỉnh Thừa Thiên Huế' },
] as unknown as Unit[]

const me: Me = {
  user: { id: 'u', username: 'u', displayName: 'U', disabled: false, roles: [], version: 1 },
  roles: [{ role: 'planner', unitId: 'hue' }],
  permissions: [{ action: 'plan.manage', scope: 'subtree', unitId: 'hue' }],
  csrfToken: 'c',
}

function setup(ui: () => JSX.Element) {
  const server = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://papi.test')
    if (url.pathname === '/api/v1/me') return jsonResponse(200, me)
    if (url.pathname === '/api/v1/units') return jsonResponse(200, url.searchParams.get('asOf') === '2018-03-01' ? in2018 : today)
    return jsonResponse(404, { error: { code: 'not-found', message: '' } })
  })
  render(() => (
    <I18nProvider storage={memoryStorage()} initial="vi">
      <SessionProvider fetch={server}>
        <Router>
          <Route path="*" component={ui} />
        </Router>
      </SessionProvider>
    </I18nProvider>
  ))
  return server
}

const optionTexts = (id: string) =>
  [...(document.getElementById(id) as HTMLSelectElement).options].map((o) => o.textContent?.replace(/\u00a0/g, '').trim())

describe('UnitSelect and UnitPicker with the plan’s date', () => {
  it('names Huế’s units as they were on a 2018 plan’s date, asking the API for that day once', async () => {
    const server = setup(() => (
      <>
        <UnitSelect id="scope" value="hue" onChange={() => {}} asOf="2018-03-01" />
        <UnitPicker
          id="agency"
          label="Cơ quan thường trực"
          searchLabel="Tìm"
          emptyLabel="—"
          value={undefined}
          onChange={() => {}}
          asOf="2018-03-01"
        />
      </>
    ))
    await waitFor(() => expect(optionTexts('scope')).toEqual(['UBND tỉnh Thừa Thiên Huế', 'Sở Nội vụ tỉnh Thừa Thiên Huế']))
    expect(optionTexts('agency')).toEqual(['—', 'UBND tỉnh Thừa Thiên Huế', 'Sở Nội vụ tỉnh Thừa Thiên Huế'])
    expect(server.mock.calls.filter(([u]) => String(u).includes('asOf=2018-03-01'))).toHaveLength(1)
    // The planner searching by the old name finds it; today's name finds it too.
    fireEvent.input(screen.getByLabelText('Tìm'), { target: { value: 'thua thien' } })
    expect(optionTexts('agency')).toHaveLength(3)
    fireEvent.input(screen.getByLabelText('Tìm'), { target: { value: 'so noi vu thanh pho' } })
    expect(optionTexts('agency')).toEqual(['—', 'Sở Nội vụ tỉnh Thừa Thiên Huế'])
  })

  it('names them as today without a date', async () => {
    setup(() => <UnitSelect id="scope" value="hue" onChange={() => {}} />)
    await waitFor(() => expect(optionTexts('scope')).toEqual(['UBND thành phố Huế', 'Sở Nội vụ thành phố Huế']))
  })
})

describe('planDateOf', () => {
  it('is the date the importer read, when it read one', () => {
    const run = (issuedOn: string) =>
      ({ plan: { issuedOn }, import: { plan: { issuedOn } } }) as unknown as Parameters<typeof planDateOf>[0]
    expect(planDateOf(run('2018-03-01'))).toBe('2018-03-01')
    expect(planDateOf(run(''))).toBeUndefined()
    expect(planDateOf(undefined)).toBeUndefined()
  })
})
