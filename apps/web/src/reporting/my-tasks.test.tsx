import { Route, Router } from '@solidjs/router'
import { render, screen } from '@solidjs/testing-library'
import { describe, expect, it, vi } from 'vitest'
import type { Me, MyTask, MyTasks as MyTasksAnswer } from '../api/types'
import { I18nProvider } from '../i18n/i18n-context'
import { SessionProvider } from '../session/session-context'
import { memoryStorage } from '../test/render'
import { reportFixture } from '../test/report-fixture'
import { MyTasks } from './my-tasks'
import { jsonResponse } from '../test/json-response'

const me: Me = {
  user: { id: 'u', username: 'xa.ml', displayName: 'Minh Lương', disabled: false, roles: [], version: 1 },
  roles: [{ role: 'reporter', unitId: 'xa-a' }],
  permissions: [{ action: 'report.write', scope: 'unit', unitId: 'xa-a' }],
  csrfToken: 'c',
}

const task = (code: string, submission: MyTask['submission']): MyTask =>
  ({
    plan: { id: 'p-97', number: '97/KH-UBND', title: 'PAPI 2018' },
    period: { code: '2018S1', cutoffStart: '2017-12-15', cutoffEnd: '2018-06-14', deadline: '2018-06-16', locked: false },
    section: { id: 's1', code: '1', title: 'Tham gia' },
    task: {
      id: `t-${code}`,
      code,
      title: `Nhiệm vụ ${code}`,
      lead: [],
      coordinators: [],
      targets: [],
      assignees: [],
      timeframe: { kind: 'ongoing', text: 'Thường xuyên' },
    },
    reason: 'ongoing',
    unit: { id: 'xa-a', name: 'UBND thị trấn Minh Lương', level: 'commune' },
    report: reportFixture({
      id: `r-${code}`,
      taskId: `t-${code}`,
      periodId: '2018S1',
      status: 'submitted',
      submittedAt: '2026-12-05T09:00:00+07:00',
    }),
    submission,
    asOf: '2018-06-17',
  }) as unknown as MyTask

function setup(tasks: MyTask[]) {
  const answer = { periodId: '2018S1', label: '6 tháng đầu năm 2018', units: [], tasks, coordinating: [] } as unknown as MyTasksAnswer
  const server = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://papi.test')
    if (url.pathname === '/api/v1/me') return jsonResponse(200, me)
    if (url.pathname === '/api/v1/units') return jsonResponse(200, [])
    if (url.pathname === '/api/v1/my-tasks') return jsonResponse(200, answer)
    return jsonResponse(404, { error: { code: 'not-found', message: '' } })
  })
  render(() => (
    <I18nProvider storage={memoryStorage()} initial="vi">
      <SessionProvider fetch={server}>
        <Router>
          <Route path="*" component={() => <MyTasks periodId="2018S1" />} />
        </Router>
      </SessionProvider>
    </I18nProvider>
  ))
}

describe('MyTasks', () => {
  it('flags the report the API judges late (filed today for 2018S1), and no other', async () => {
    setup([task('1.3', 'late'), task('2.3', 'on-time')])
    const late = await screen.findAllByTestId('submission-late', {}, { timeout: 5000 })
    expect(late.map((b) => b.textContent)).toEqual(['Trễ hạn'])
  })
})
