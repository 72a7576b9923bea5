// Test fixture shared by the API's tests (not exported): an app over a fresh store with a slice
// of Kiên Giang, one user per role, and helpers to call it as a signed-in user.
import type { Plan } from '@papi/domain'
import type { Store } from '@papi/store'
import { createApp } from './app'
import { hashPassword } from './password'

export const NOW = new Date('2018-06-10T03:00:00Z')
export const PASSWORD = 'mat-khau-2018'

export type TestApp = Awaited<ReturnType<typeof makeTestApp>>

export async function makeTestApp(store: Store, options: Parameters<typeof createApp>[0] extends infer O ? Partial<O> : never = {}) {
  let now = NOW
  const app = createApp({ store, clock: () => now, ...options })
  const change = { actorId: null, at: NOW }
  const unit = (code: string, name: string, level: 'province' | 'district' | 'commune', kind: 'people-committee' | 'department', parentId: string | null) =>
    store.units.create({ code, name, level, kind, parentId }, change)
  const kg = await unit('KG', 'UBND tỉnh Kiên Giang', 'province', 'people-committee', null)
  const snv = await unit('KG-SNV', 'Sở Nội vụ', 'province', 'department', kg.id)
  const stnmt = await unit('KG-STNMT', 'Sở Tài nguyên và Môi trường', 'province', 'department', kg.id)
  const rachGia = await unit('KG-RG', 'UBND thành phố Rạch Giá', 'district', 'people-committee', kg.id)
  const vtv = await unit('KG-RG-VTV', 'UBND phường Vĩnh Thanh Vân', 'commune', 'people-committee', rachGia.id)
  const chauThanh = await unit('KG-CT', 'UBND huyện Châu Thành', 'district', 'people-committee', kg.id)
  const minhLuong = await unit('KG-CT-ML', 'UBND thị trấn Minh Lương', 'commune', 'people-committee', chauThanh.id)
  const units = { kg, snv, stnmt, rachGia, vtv, chauThanh, minhLuong }

  const passwordHash = await hashPassword(PASSWORD)
  const user = (username: string, roles: { role: 'admin' | 'planner' | 'reporter' | 'viewer'; unitId: string | null }[]) =>
    store.users.create({ username, passwordHash, displayName: username, roles }, change)
  await user('admin', [{ role: 'admin', unitId: null }])
  await user('planner', [{ role: 'planner', unitId: kg.id }])
  await user('reporter', [{ role: 'reporter', unitId: vtv.id }])
  await user('reporter2', [{ role: 'reporter', unitId: minhLuong.id }])
  await user('viewer', [{ role: 'viewer', unitId: chauThanh.id }])

  async function call(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: any; text: string; headers: Headers }> {
    const headers: Record<string, string> = { ...options.headers }
    if (options.token) headers.authorization = `Bearer ${options.token}`
    let body: string | undefined
    if (options.raw !== undefined) body = options.raw
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body)
      headers['content-type'] ??= 'application/json'
    }
    const res = await app.request(path, { method, headers, body })
    const text = await res.text()
    let json: any
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      json = undefined
    }
    return { status: res.status, body: json, text, headers: res.headers }
  }

  async function login(username: string, password = PASSWORD): Promise<string> {
    const res = await call('POST', '/api/v1/auth/login', { body: { username, password } })
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.text}`)
    return res.body.token
  }

  return { app, store, units, call, login, setNow: (d: Date) => (now = d) }
}

export function samplePlan(u: { kg: { id: string }; snv: { id: string }; stnmt: { id: string } }): Plan {
  return {
    number: '97/KH-UBND',
    title: 'Kế hoạch hành động nâng cao Chỉ số PAPI tỉnh Kiên Giang năm 2018',
    issuer: 'Ủy ban nhân dân tỉnh Kiên Giang',
    issuerUnitId: u.kg.id,
    issuedOn: '2018-05-18',
    index: 'papi',
    years: { from: 2018, to: 2018 },
    scopeUnitId: u.kg.id,
    standingAgency: { text: 'Sở Nội vụ', unitId: u.snv.id },
    goals: [],
    targets: [{ metric: 'papi-rank', comparator: 'rank-lte', value: 44, unit: 'rank', text: 'xếp hạng cao hơn năm 2017' }],
    status: 'draft',
    sections: [
      {
        code: '1',
        title: 'Tham gia của người dân ở cấp cơ sở',
        tasks: [
          {
            code: '1.3',
            title: 'Công khai các khoản đóng góp tự nguyện tại địa phương',
            lead: [{ text: 'UBND cấp xã', unitClass: 'commune-committees' }],
            coordinators: [],
            timeframe: { kind: 'ongoing', text: 'Thường xuyên' },
            targets: [],
          },
        ],
      },
      {
        code: '2',
        title: 'Công khai, minh bạch',
        tasks: [
          {
            code: '2.4',
            title: 'Công khai quy hoạch, kế hoạch sử dụng đất của tỉnh',
            lead: [{ text: 'Sở Tài nguyên và Môi trường', unitId: u.stnmt.id }],
            coordinators: [{ text: 'UBND cấp huyện', unitClass: 'district-committees' }],
            timeframe: { kind: 'ongoing', text: 'Thường xuyên' },
            targets: [],
          },
        ],
      },
    ],
  }
}
