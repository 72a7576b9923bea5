import { randomBytes } from 'node:crypto'
import { publishError, type IndexResult, type Plan, type RoleGrant, type Unit, type UnitKind, type UnitLevel } from '@papi/domain'
import type { Change, Store, StoredPlan } from '@papi/store'
import { hashPassword } from '@papi/api'

/** Where seeding reports its progress (the server prints it). */
export type SeedLog = (line: string) => void

/** Reads a plan document into a domain plan, matching assignee names to `units` (the importer). */
export type PlanImporter = (file: { fileName: string; data: Uint8Array }, units: Unit[]) => Promise<Plan>

/** The password every demo account shares; printed at start so people can try each role. */
export const DEMO_PASSWORD = 'papi-demo-2018'

const system = (at: Date): Change => ({ actorId: null, at })

/**
 * Creates the `admin` user on first start. The password is `password` when given
 * (`PAPI_ADMIN_PASSWORD`), else generated and answered once so the caller can print it.
 * Idempotent: an existing admin is left alone.
 *
 * @example
 * const { created, password } = await ensureAdmin(store, { now: new Date() })
 */
export async function ensureAdmin(
  store: Store,
  options: { password?: string; now: Date },
): Promise<{ created: boolean; password?: string; generated: boolean }> {
  if (await store.users.findWithCredentials('admin')) return { created: false, generated: false }
  const generated = !options.password
  const password = options.password || randomBytes(12).toString('base64url')
  await store.users.create(
    {
      username: 'admin',
      passwordHash: await hashPassword(password),
      displayName: 'Quản trị hệ thống',
      roles: [{ role: 'admin', unitId: null }],
    },
    system(options.now),
  )
  return { created: true, password, generated }
}

interface DemoUnit {
  code: string
  name: string
  level: UnitLevel
  kind: UnitKind
  children?: DemoUnit[]
}

const dept = (code: string, name: string, kind: UnitKind = 'department'): DemoUnit => ({ code, name, level: 'province', kind })
const commune = (code: string, name: string): DemoUnit => ({ code, name, level: 'commune', kind: 'people-committee' })
const district = (code: string, name: string, town: string, communes: DemoUnit[]): DemoUnit => ({
  code,
  name,
  level: 'district',
  kind: 'people-committee',
  children: [
    { code: `${code}-PNV`, name: `Phòng Nội vụ ${town}`, level: 'district', kind: 'department' },
    { code: `${code}-TT`, name: `Thanh tra ${town}`, level: 'district', kind: 'agency' },
    ...communes,
  ],
})

/**
 * Kiên Giang as the 97/KH-UBND 2018 plan names it: every department, agency, mass organisation
 * and media body of its task table, and three districts with their communes.
 */
export const KIEN_GIANG: DemoUnit = {
  code: 'KG',
  name: 'UBND tỉnh Kiên Giang',
  level: 'province',
  kind: 'people-committee',
  children: [
    dept('KG-SNV', 'Sở Nội vụ'),
    dept('KG-STC', 'Sở Tài chính'),
    dept('KG-STNMT', 'Sở Tài nguyên và Môi trường'),
    dept('KG-STP', 'Sở Tư pháp'),
    dept('KG-SYT', 'Sở Y tế'),
    dept('KG-SKHDT', 'Sở Kế hoạch và Đầu tư'),
    dept('KG-STTTT', 'Sở Thông tin và Truyền thông'),
    dept('KG-SGDDT', 'Sở Giáo dục và Đào tạo'),
    dept('KG-SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn'),
    dept('KG-SCT', 'Sở Công Thương'),
    dept('KG-SGTVT', 'Sở Giao thông vận tải'),
    dept('KG-VP', 'Văn phòng UBND tỉnh', 'office'),
    dept('KG-TTR', 'Thanh tra tỉnh', 'agency'),
    dept('KG-CA', 'Công an tỉnh', 'agency'),
    dept('KG-BHXH', 'Bảo hiểm xã hội tỉnh', 'agency'),
    dept('KG-BD', 'Bưu điện tỉnh', 'agency'),
    dept('KG-DL', 'Điện lực tỉnh', 'agency'),
    dept('KG-CTN', 'Công ty TNHH 1 thành viên cấp thoát nước Kiên Giang', 'agency'),
    dept('KG-NSVSMT', 'Trung tâm nước sạch và vệ sinh môi trường nông thôn', 'agency'),
    dept('KG-VPDPNTM', 'Văn phòng Điều phối nông thôn mới tỉnh', 'office'),
    dept('KG-MTTQ', 'Ủy ban MTTQ Việt Nam tỉnh Kiên Giang', 'mass-organisation'),
    dept('KG-BAO', 'Báo Kiên Giang', 'media'),
    dept('KG-DPTTH', 'Đài Phát thanh và Truyền hình Kiên Giang', 'media'),
    district('KG-RG', 'UBND thành phố Rạch Giá', 'thành phố Rạch Giá', [
      commune('KG-RG-VTV', 'UBND phường Vĩnh Thanh Vân'),
      commune('KG-RG-VL', 'UBND phường Vĩnh Lạc'),
      commune('KG-RG-PT', 'UBND xã Phi Thông'),
    ]),
    district('KG-CT', 'UBND huyện Châu Thành', 'huyện Châu Thành', [
      commune('KG-CT-ML', 'UBND thị trấn Minh Lương'),
      commune('KG-CT-BA', 'UBND xã Bình An'),
      commune('KG-CT-MTA', 'UBND xã Mong Thọ A'),
    ]),
    district('KG-PQ', 'UBND huyện Phú Quốc', 'huyện Phú Quốc', [
      commune('KG-PQ-DD', 'UBND thị trấn Dương Đông'),
      commune('KG-PQ-AT', 'UBND thị trấn An Thới'),
    ]),
  ],
}

/** Kiên Giang's PAPI 2017 as 97/KH-UBND part II gives it, and 2016 from its stated changes. */
export function kienGiangScores(unitId: string): IndexResult[] {
  // [key, 2017 score, 2017 rank, change of score vs 2016, ranks gained vs 2016]
  const rows: [string, number, number, number, number][] = [
    ['participation', 5.2, 45, 0.63, 15],
    ['transparency', 5.26, 54, 0.2, 2],
    ['vertical-accountability', 4.46, 58, 0.33, 5],
    ['corruption-control', 6.27, 32, 0.61, 10],
    ['administrative-procedures', 7.07, 38, 0.35, 24],
    ['public-service-delivery', 7.47, 9, 0.41, 17],
  ]
  const round = (n: number) => Math.round(n * 100) / 100
  return [
    {
      unitId,
      frameworkId: 'papi-2009',
      year: 2017,
      total: 35.71, // as published, though the rounded dimensions add up to 35.73
      rank: 45,
      rankOf: 63,
      dimensions: rows.map(([key, score, rank]) => ({ key, score, rank })),
    },
    {
      unitId,
      frameworkId: 'papi-2009',
      year: 2016,
      total: round(35.71 - 2.51),
      rank: 45 + 16,
      rankOf: 63,
      dimensions: rows.map(([key, score, rank, change, gained]) => ({ key, score: round(score - change), rank: rank + gained })),
    },
  ]
}

export interface DemoAccount {
  username: string
  displayName: string
  roles: RoleGrant[]
  note: string
}

export interface DemoSummary {
  planId?: string
  accounts: DemoAccount[]
}

/**
 * Seeds the demo: Kiên Giang's units (and An Giang as its 2025 successor), the 97/KH-UBND plan
 * read from its text by the importer with its 31 tasks assigned through classes, Kiên Giang's
 * PAPI 2016–2017 scores, the plan's periods, a few filed reports and one account per role.
 * Each step checks what is already there, so a restart adds nothing twice.
 *
 * @example
 * await seedDemo(store, { planFile, importPlan, log: console.log, now: new Date() })
 */
export async function seedDemo(
  store: Store,
  options: { planFile: { fileName: string; data: Uint8Array }; importPlan: PlanImporter; log: SeedLog; now: Date },
): Promise<DemoSummary> {
  const { log, now } = options
  const step = (n: number, text: string) => log(`  [${n}/6] ${text}`)

  // 1. Units, parents first.
  let created = 0
  const byCode = new Map<string, Unit>()
  const ensureUnit = async (u: DemoUnit, parentId: string | null, extra: { validFrom?: string } = {}) => {
    let unit = await store.units.findByCode(u.code)
    if (!unit) {
      unit = await store.units.create({ code: u.code, name: u.name, level: u.level, kind: u.kind, parentId, ...extra }, system(now))
      created++
    }
    byCode.set(u.code, unit)
    for (const child of u.children ?? []) await ensureUnit(child, unit.id)
    return unit
  }
  const kg = await ensureUnit(KIEN_GIANG, null)
  const anGiang = await ensureUnit({ code: 'AG-2025', name: 'UBND tỉnh An Giang', level: 'province', kind: 'people-committee' }, null, {
    validFrom: '2025-07-01',
  })
  step(1, `Đơn vị / units: ${byCode.size} (${created} mới / new)`)

  // 2. The 2025 merger: Kiên Giang → An Giang from 2025-07-01 (Resolution 202/2025/QH15).
  if (!(await store.units.get(kg.id)).successorIds.includes(anGiang.id)) {
    await store.units.merge(kg.id, { successorId: anGiang.id, effectiveOn: '2025-07-01', children: 'end' }, system(now))
  }
  step(2, 'Sáp nhập / merger: Kiên Giang → An Giang (01/07/2025)')

  // 3. Accounts, one per role.
  const id = (code: string) => (byCode.get(code) as Unit).id
  const accounts: DemoAccount[] = [
    {
      username: 'planner',
      displayName: 'Chuyên viên Sở Nội vụ (cơ quan thường trực)',
      // The standing agency acts for the province committee: it plans and reviews province-wide,
      // and files Sở Nội vụ's own reports.
      roles: [
        { role: 'planner', unitId: kg.id },
        { role: 'reporter', unitId: id('KG-SNV') },
      ],
      note: 'planner @ UBND tỉnh Kiên Giang + reporter @ Sở Nội vụ',
    },
    {
      username: 'reporter',
      displayName: 'Công chức UBND phường Vĩnh Thanh Vân',
      roles: [{ role: 'reporter', unitId: id('KG-RG-VTV') }],
      note: 'reporter @ UBND phường Vĩnh Thanh Vân',
    },
    {
      username: 'viewer',
      displayName: 'Lãnh đạo UBND thành phố Rạch Giá',
      roles: [{ role: 'viewer', unitId: id('KG-RG') }],
      note: 'viewer @ UBND thành phố Rạch Giá',
    },
  ]
  const users: Record<string, string> = {}
  let passwordHash: string | undefined
  for (const a of accounts) {
    const existing = await store.users.findWithCredentials(a.username)
    if (existing) {
      users[a.username] = existing.id
      continue
    }
    passwordHash ??= await hashPassword(DEMO_PASSWORD)
    users[a.username] = (await store.users.create({ ...a, passwordHash }, system(now))).id
  }
  step(3, `Tài khoản / accounts: ${accounts.map((a) => a.username).join(', ')}`)

  // 4. Scores: Kiên Giang PAPI 2016 and 2017.
  if ((await store.scores.list({ unitId: kg.id, frameworkId: 'papi-2009' })).length === 0) {
    await store.scores.save(kienGiangScores(kg.id), system(now))
  }
  step(4, 'Điểm PAPI / PAPI scores: Kiên Giang 2016, 2017')

  // 5. The plan, read from the seed text by the importer, assigned through classes and published.
  const units = await store.units.list()
  const imported = await options.importPlan(options.planFile, units)
  const plan: Plan = {
    ...imported,
    issuerUnitId: imported.issuerUnitId ?? kg.id,
    scopeUnitId: imported.scopeUnitId ?? kg.id,
    standingAgency: { text: imported.standingAgency?.text ?? 'Sở Nội vụ', unitId: imported.standingAgency?.unitId ?? id('KG-SNV') },
  }
  const existingId = await store.plans.findByNumber({ number: plan.number, issuer: plan.issuer, issuedOn: plan.issuedOn })
  let stored: StoredPlan
  let fresh = false
  if (existingId) stored = await store.plans.get(existingId)
  else {
    stored = await store.plans.create(plan, system(now))
    fresh = true
  }
  if (publishError(stored) === undefined) stored = await store.plans.publish(stored.id, system(now))
  const tasks = stored.sections.flatMap((s) => s.tasks)
  const assignments = tasks.reduce((n, t) => n + t.assignees.length, 0)
  step(5, `Kế hoạch / plan ${stored.number}: ${tasks.length} nhiệm vụ / tasks, ${assignments} phân công / assignments`)

  // 6. A few reports for the first half of 2018, as the units would have filed them.
  if (fresh) {
    const periodId = (await store.periods.list(stored.id))[0]?.code
    const taskByCode = new Map(tasks.map((t) => [t.code, t]))
    const file = async (
      code: string,
      unitCode: string,
      actor: string,
      content: { progress: number; narrative: string; workStatus?: 'in-progress' | 'done'; completedOn?: string },
      steps: { submitAt?: string; acceptAt?: string; saveAt: string },
    ) => {
      const task = taskByCode.get(code)
      const unitId = id(unitCode)
      if (!task || !periodId || !task.assignees.some((a) => a.unitId === unitId)) return
      const at = (iso: string): Change => ({ actorId: users[actor] ?? null, at: new Date(iso) })
      let report = await store.reports.save({ taskId: task.id, unitId, periodId, ...content }, at(steps.saveAt))
      if (steps.submitAt) report = await store.reports.act(report.id, { type: 'submit' }, at(steps.submitAt), report.version)
      if (steps.acceptAt) {
        await store.reports.act(report.id, { type: 'accept' }, { actorId: users.planner ?? null, at: new Date(steps.acceptAt) })
      }
    }
    await file(
      '1.1',
      'KG-SNV',
      'planner',
      { progress: 50, narrative: 'Đã tổ chức 02 hội nghị tuyên truyền Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn.' },
      { saveAt: '2018-06-08T02:00:00Z', submitAt: '2018-06-12T02:00:00Z', acceptAt: '2018-06-15T02:00:00Z' },
    )
    await file(
      '1.3',
      'KG-RG-VTV',
      'reporter',
      { progress: 60, narrative: 'Niêm yết công khai các khoản đóng góp tự nguyện tại trụ sở phường và 5 khu phố.' },
      { saveAt: '2018-06-11T02:00:00Z', submitAt: '2018-06-14T02:00:00Z' },
    )
    await file(
      '2.4',
      'KG-STNMT',
      'planner',
      { progress: 30, narrative: 'Đang cập nhật quy hoạch sử dụng đất trên Cổng thông tin điện tử của tỉnh.' },
      { saveAt: '2018-06-13T02:00:00Z' },
    )
  }
  const filed = (await store.reports.list({ planId: stored.id })).length
  step(6, `Báo cáo / reports: ${filed}`)

  return { planId: stored.id, accounts }
}
