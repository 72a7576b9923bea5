// The scenarios of issue #9, told through the API on a server holding Lào Cai from the national
// register (its old province, code 10, and the new Lào Cai, code 15, it became on 1/7/2025).
import { registerForProvince, type Plan, type Register, type Unit } from '@papi/domain'
import { readRegister } from '@papi/register'
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, NOW, PASSWORD, TEST_PASSWORD_COST, type TestApp } from './app.fixture'
import { hashPassword } from './password'

/** A 2020 Lào Cai plan: communes report every quarter; the departments lead the second task. */
function laoCaiPlan(laoCaiId: string): Plan {
  return {
    number: '165/KH-UBND',
    title: 'Kế hoạch nâng cao Chỉ số PAPI tỉnh Lào Cai năm 2020',
    issuer: 'Ủy ban nhân dân tỉnh Lào Cai',
    issuerUnitId: laoCaiId,
    issuedOn: '2020-04-10',
    index: 'papi',
    years: { from: 2020, to: 2020 },
    scopeUnitId: laoCaiId,
    goals: ['Chỉ số PAPI năm 2020 tăng hạng'],
    targets: [],
    status: 'draft',
    sections: [
      {
        code: '1',
        title: 'Tham gia của người dân ở cấp cơ sở',
        tasks: [
          {
            code: '1.1',
            title: 'Công khai các khoản đóng góp tự nguyện tại địa phương',
            lead: [{ text: 'UBND cấp xã', unitClass: 'commune-committees' }],
            coordinators: [],
            timeframe: { kind: 'ongoing', text: 'Thường xuyên' },
            targets: [],
          },
          {
            code: '1.2',
            title: 'Niêm yết công khai thủ tục hành chính',
            lead: [{ text: 'Các sở, ban, ngành', unitClass: 'departments' }],
            coordinators: [],
            timeframe: { kind: 'ongoing', text: 'Thường xuyên' },
            targets: [],
          },
        ],
      },
    ],
  } as Plan
}

describe.each(testBackends())('Lào Cai before and after the 2025 reorganisation, through the API, on $name', (backend) => {
  let store: Store
  let t: TestApp
  let admin: string
  let planner: string
  let reporter: string
  let register: Register
  let plan: { id: string; version: number; sections: { tasks: { id: string; code: string }[] }[] }
  const unitByCode = async (code: string) => (await store.units.list()).find((u) => u.code === code) as Unit
  const dashboard2020Q3 = async (unitId: string) => {
    const res = await t.call('GET', `/api/v1/dashboard?unitId=${unitId}&periodId=2020Q3`, { token: planner })
    expect(res.status, res.text).toBe(200)
    // The answer's own asOf is the moment it was asked; the figures are what must not change.
    const { asOf: _askedAt, ...figures } = res.body
    return figures
  }

  /** Moves the server's clock and signs everyone in again (a session does not outlive years). */
  const signInAt = async (at: Date) => {
    t.setNow(at)
    admin = await t.login('admin')
    planner = await t.login('planner-lc')
    reporter = await t.login('taphin')
  }

  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
    register = registerForProvince(await readRegister(), '10') as Register
    // First the organisation as it stood before 1/7/2025: old Lào Cai alone.
    const before: Register = { units: register.units.filter((u) => u.era === 'old'), links: [], issues: [] }
    await store.units.importRegister(before, { actorId: null, at: NOW })
    const laoCai = await unitByCode('P10')
    const taPhin = await unitByCode('C03013')
    // The register gives the post office and the electricity company; the water company is added by hand.
    await store.units.create(
      { code: 'LC-CAPNUOC', name: 'Công ty Cổ phần Cấp nước Lào Cai', level: 'province', kind: 'state-enterprise', parentId: laoCai.id },
      { actorId: null, at: NOW },
    )
    const passwordHash = await hashPassword(PASSWORD, TEST_PASSWORD_COST)
    const change = { actorId: null, at: NOW }
    await store.users.create(
      { username: 'planner-lc', passwordHash, displayName: 'Lào Cai', roles: [{ role: 'planner', unitId: laoCai.id }] },
      change,
    )
    await store.users.create(
      { username: 'taphin', passwordHash, displayName: 'Tả Phìn', roles: [{ role: 'reporter', unitId: taPhin.id }] },
      change,
    )
    await signInAt(new Date('2020-05-01T03:00:00Z'))
    const created = await t.call('POST', '/api/v1/plans', { token: planner, body: laoCaiPlan(laoCai.id) })
    expect(created.status, created.text).toBe(201)
    plan = created.body
    const published = await t.call('POST', `/api/v1/plans/${plan.id}/publish`, { token: planner, body: { version: plan.version } })
    expect(published.status, published.text).toBe(200)
  })
  afterAll(() => store?.close())

  it("keeps the old Lào Cai's 2020Q3 dashboard as it was once the merger is loaded and Tả Phìn moved under the new Lào Cai", async () => {
    await signInAt(new Date('2020-10-20T03:00:00Z'))
    const laoCai = await unitByCode('P10')
    const before = await dashboard2020Q3(laoCai.id)
    expect(before.totals.expected).toBeGreaterThan(100)
    const taPhinBefore = await unitByCode('C03013')
    expect(before.plans[0].units.map((u: { unitId: string }) => u.unitId)).toContain(taPhinBefore.id)

    await signInAt(new Date('2025-08-01T03:00:00Z'))
    const imported = await t.call('POST', '/api/v1/units/import-register', { token: admin, body: { province: '10' } })
    expect(imported.status, imported.text).toBe(200)
    expect(imported.body.counts.provinces).toEqual({ old: 1, new: 1 })
    const taPhin = await unitByCode('C03013')
    const newLaoCai = await unitByCode('P15@2025')
    const moved = await t.call('PATCH', `/api/v1/units/${taPhin.id}`, {
      token: admin,
      body: { parentId: newLaoCai.id, effectiveOn: '2025-07-01', version: taPhin.version },
    })
    expect(moved.status, moved.text).toBe(200)

    const after = await dashboard2020Q3(laoCai.id)
    expect(after).toEqual(before)
  })

  it("lets Tả Phìn's reporter still see its 2020Q3 tasks after the move", async () => {
    const res = await t.call('GET', '/api/v1/my-tasks?periodId=2020Q3', { token: reporter })
    expect(res.status, res.text).toBe(200)
    const taPhin = await unitByCode('C03013')
    expect(res.body.tasks.map((x: { task: { code: string }; unit: { id: string } }) => [x.task.code, x.unit.id])).toEqual([
      ['1.1', taPhin.id],
    ])
  })

  it('resolves "Các sở, ban, ngành" to the departments, never to the post office, the electricity or the water company', async () => {
    const res = await t.call('GET', `/api/v1/plans/${plan.id}/assignments`, { token: planner })
    expect(res.status, res.text).toBe(200)
    const byId = new Map((await store.units.list()).map((u) => [u.id, u]))
    const leadIds: string[] = res.body
      .filter((a: { taskCode: string; role: string }) => a.taskCode === '1.2' && a.role === 'lead')
      .map((a: { unitId: string }) => a.unitId)
    const leads = leadIds.map((id) => byId.get(id) as Unit)
    const enterprises = [...byId.values()].filter(
      (u) => u.kind === 'state-enterprise' && (u.code.startsWith('P10/') || u.code === 'LC-CAPNUOC'),
    )
    expect(enterprises.map((u) => u.name).join('; ')).toMatch(/Bưu điện tỉnh.*Điện lực|Điện lực.*Bưu điện tỉnh/u)
    expect(leads.length).toBeGreaterThan(5)
    expect(new Set(leads.map((u) => u.kind))).not.toContain('state-enterprise')
    expect(leads.map((u) => u.name).join('; ')).not.toMatch(/Bưu điện|Điện lực|[Cc]ấp nước/u)
    expect(leads.some((u) => u.name === 'Sở Tư pháp')).toBe(true)
  })

  it('lists the rows of a score table naming provinces papi does not know, and stores Lào Cai', async () => {
    const csv = ['unit,total,rank,rankOf', 'Lào Cai,42.1,20,63', 'Atlantis,30,63,63', 'Hồ Chí Minh,41.2,25,63'].join('\n')
    const res = await t.call('POST', '/api/v1/scores/import?frameworkId=papi-2019&year=2019&version=0', {
      token: planner,
      raw: csv,
      headers: { 'content-type': 'text/csv' },
    })
    expect(res.status, res.text).toBe(201)
    expect(res.body.saved.map((s: { unitId: string }) => s.unitId)).toEqual([(await unitByCode('P10')).id])
    expect(res.body.unmatched).toEqual([
      { line: 3, unit: 'Atlantis', reason: 'unknown-province' },
      { line: 4, unit: 'Hồ Chí Minh', reason: 'unknown-province' },
    ])
  })
})
