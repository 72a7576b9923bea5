import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import {
  publishError,
  registerForProvinces,
  type IndexResult,
  type Plan,
  type Register,
  type RoleGrant,
  type Unit,
  type UnitVersion,
} from '@papi/domain'
import { storeErrorOf, type Change, type Store, type StoredPlan } from '@papi/store'
import type { PapiScoreTable } from '@papi/register'
import { hashPassword, type ScryptCost } from '@papi/api'

/** Where seeding reports its progress (the server prints it). */
export type SeedLog = (line: string) => void

/** What the importer matches a plan's assignee names against: the units, their dated names, the plan's scope. */
export interface PlanImportContext {
  units: Unit[]
  versions: ReadonlyMap<string, readonly UnitVersion[]>
  scopeUnitId: string
}

/** Reads a plan document into a domain plan, matching assignee names inside its scope (the importer). */
export type PlanImporter = (file: { fileName: string; data: Uint8Array }, context: PlanImportContext) => Promise<Plan>

/** Where the demo's public data comes from: the national register and every province's PAPI results (@papi/register). */
export interface DemoSources {
  readRegister: () => Promise<Register>
  readScoreTables: () => Promise<PapiScoreTable[]>
}

/**
 * The provinces of the four seed plans, by official code (before 1 July 2025): Kiên Giang,
 * Lào Cai, Hưng Yên (Đức Hợp commune), Thừa Thiên Huế. The demo loads them from the register
 * whole, with the provinces they became on 1 July 2025.
 */
export const DEMO_PROVINCES = ['91', '10', '33', '46'] as const

/**
 * The seed plans (packages/documents/fixtures/seeds), each imported into its own scope (a
 * register code) as its text says: the province, or the commune for Đức Hợp.
 */
export const DEMO_PLANS = [
  { fileName: 'kien-giang-97-KH-UBND-2018-papi.txt', scope: 'P91', standingAgency: { text: 'Sở Nội vụ', code: 'P91/SNV' } },
  { fileName: 'lao-cai-165-KH-UBND-2020-par-index.txt', scope: 'P10' },
  { fileName: 'duc-hop-2023-papi-commune.txt', scope: 'C12316' },
  { fileName: 'thua-thien-hue-2024-papi-news.txt', scope: 'P46' },
] as const

/** A seed plan's bytes, read from @papi/documents' fixtures. */
async function readSeedPlan(fileName: string): Promise<{ fileName: string; data: Uint8Array }> {
  const url = import.meta.resolve(`@papi/documents/seeds/${fileName}`)
  return { fileName, data: new Uint8Array(await readFile(new URL(url))) }
}

/** The password every demo account shares; printed at start so people can try each role. */
export const DEMO_PASSWORD = 'papi-demo-2018'

const system = (at: Date): Change => ({ actorId: null, at })

/**
 * Creates the `admin` user on first start. The password is `password` when given
 * (`PAPI_ADMIN_PASSWORD`), else generated and answered once so the caller can print it.
 * Idempotent: an existing admin is left alone, also one another process creates meanwhile.
 *
 * @example
 * const { created, password } = await ensureAdmin(store, { now: new Date() })
 */
export async function ensureAdmin(
  store: Store,
  options: {
    password?: string
    now: Date
    /** The scrypt cost of its hash: @papi/api's production cost unless given (tests hash cheaply). */
    passwordCost?: ScryptCost
  },
): Promise<{ created: boolean; password?: string; generated: boolean }> {
  if (await store.users.findWithCredentials('admin')) return { created: false, generated: false }
  const generated = !options.password
  const password = options.password || randomBytes(12).toString('base64url')
  try {
    await store.users.create(
      {
        username: 'admin',
        passwordHash: await hashPassword(password, options.passwordCost),
        displayName: 'Quản trị hệ thống',
        roles: [{ role: 'admin', unitId: null }],
      },
      system(options.now),
    )
  } catch (error) {
    // Two servers started at once on a fresh database (#10 hole 8): both found no admin, the other
    // created it first. Theirs stands; this one starts as if it had found it.
    if (storeErrorOf(error)?.code === 'conflict') return { created: false, generated: false }
    throw error
  }
  return { created: true, password, generated }
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

/** Codes of the demo accounts' units in the register (Kiên Giang before 1 July 2025). */
const UNIT = {
  kienGiang: 'P91',
  interior: 'P91/SNV',
  environment: 'P91/STNMT',
  rachGia: 'D899',
  vinhThanhVan: 'C30742',
} as const

const STEPS = 7

/**
 * Seeds the demo from real data: the national register for the seed plans' provinces (Kiên
 * Giang, Lào Cai, Hưng Yên, Thừa Thiên Huế, whole, and the provinces they became on 1 July 2025)
 * with every other province's People's Committee, so every province's PAPI results 2021, 2022 and
 * 2024 load and rank as published; Kiên Giang's PAPI 2016–2017 as its plan states them; the four
 * seed plans read by the importer inside their own scope, named as their units were on the plan's
 * date; a few filed reports on Kiên Giang's plan and one account per role.
 * Each step checks what is already there, so a restart adds nothing twice.
 *
 * @example
 * await seedDemo(store, { sources, importPlan, log: console.log, now: new Date() })
 */
export async function seedDemo(
  store: Store,
  options: {
    sources: DemoSources
    importPlan: PlanImporter
    log: SeedLog
    now: Date
    /** The seed plans to load, by file name (default: all of {@link DEMO_PLANS}). */
    plans?: readonly string[]
    /** The scrypt cost of the demo accounts' hash: @papi/api's production cost unless given (tests hash cheaply). */
    passwordCost?: ScryptCost
  },
): Promise<DemoSummary> {
  // Two servers starting at once on a fresh PostgreSQL database would both find it empty and both
  // seed it (duplicate units, then a crash): the second waits for the first, then finds it all there.
  return store.exclusively('demo-seed', () => seed(store, options))
}

async function seed(store: Store, options: Parameters<typeof seedDemo>[1]): Promise<DemoSummary> {
  const { log, now } = options
  const step = (n: number, text: string) => log(`  [${n}/${STEPS}] ${text}`)

  // 1. The register: the seeds' provinces whole, every other province's committee.
  const register = registerForProvinces(await options.sources.readRegister(), DEMO_PROVINCES, { everyProvince: true }) as Register
  let shown = -1
  const imported = await store.units.importRegister(register, system(now), {
    onProgress: ({ phase, done, total }) => {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100)
      if (phase !== 'units' || percent < shown + 25) return
      shown = percent
      log(`        ${done}/${total} đơn vị / units`)
    },
  })
  step(
    1,
    `Danh mục đơn vị hành chính / unit register: ${register.units.length} đơn vị / units (${imported.units.created} mới / new), ` +
      `${imported.counts.provinces.old} + ${imported.counts.provinces.new} tỉnh / provinces, ${imported.counts.communes.old} + ${imported.counts.communes.new} xã / communes`,
  )
  const byCode = async (code: string) => {
    const unit = await store.units.findByCode(code)
    if (!unit) throw new Error(`the demo needs unit ${code} from the register`)
    return unit
  }
  const kg = await byCode(UNIT.kienGiang)
  const id = async (key: keyof typeof UNIT) => (await byCode(UNIT[key])).id

  // 2. Accounts, one per role.
  const accounts: DemoAccount[] = [
    {
      username: 'planner',
      displayName: 'Chuyên viên Sở Nội vụ (cơ quan thường trực)',
      // The standing agency acts for the province committee: it plans and reviews province-wide,
      // and files Sở Nội vụ's own reports.
      roles: [
        { role: 'planner', unitId: kg.id },
        { role: 'reporter', unitId: await id('interior') },
      ],
      note: 'planner @ UBND tỉnh Kiên Giang + reporter @ Sở Nội vụ',
    },
    {
      username: 'reporter',
      displayName: 'Công chức UBND phường Vĩnh Thanh Vân',
      roles: [{ role: 'reporter', unitId: await id('vinhThanhVan') }],
      note: 'reporter @ UBND phường Vĩnh Thanh Vân',
    },
    {
      username: 'viewer',
      displayName: 'Lãnh đạo UBND thành phố Rạch Giá',
      roles: [{ role: 'viewer', unitId: await id('rachGia') }],
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
    passwordHash ??= await hashPassword(DEMO_PASSWORD, options.passwordCost)
    users[a.username] = (await store.users.create({ ...a, passwordHash }, system(now))).id
  }
  step(2, `Tài khoản / accounts: ${accounts.map((a) => a.username).join(', ')}`)

  // 3. Kiên Giang's PAPI 2016 and 2017, as its 2018 plan states them.
  if ((await store.scores.list({ unitId: kg.id, frameworkId: 'papi-2009' })).length === 0) {
    await store.scores.save(kienGiangScores(kg.id), system(now))
  }
  step(3, 'Điểm PAPI / PAPI scores: Kiên Giang 2016, 2017')

  // 4. Every province's PAPI 2021, 2022, 2024, ranked over the provinces ranked each year.
  const years: string[] = []
  for (const table of await options.sources.readScoreTables()) {
    const stored = await store.scores.list({ frameworkId: table.frameworkId, year: table.year })
    if (stored.length > 0) {
      years.push(`${table.year} (${stored.length})`)
      continue
    }
    const version = await store.scores.tableVersion(table.frameworkId, table.year)
    const result = await store.scores.importProvinceTable({ ...table, version }, system(now))
    years.push(`${table.year} (${result.saved}/${result.rankedOf})`)
  }
  step(4, `Điểm PAPI các tỉnh / every province's PAPI: ${years.join(', ')}`)

  // 5. The seed plans, read by the importer inside their scope, assigned through classes, published.
  const units = await store.units.list()
  const versions = await store.units.versions()
  const plans: { plan: StoredPlan; fresh: boolean }[] = []
  for (const seed of DEMO_PLANS.filter((p) => options.plans === undefined || options.plans.includes(p.fileName))) {
    const scope = await byCode(seed.scope)
    const read = await options.importPlan(await readSeedPlan(seed.fileName), { units, versions, scopeUnitId: scope.id })
    const standing = 'standingAgency' in seed ? seed.standingAgency : undefined
    const plan: Plan = {
      ...read,
      issuerUnitId: read.issuerUnitId ?? scope.id,
      scopeUnitId: scope.id,
      ...(standing && {
        standingAgency: {
          text: read.standingAgency?.text ?? standing.text,
          unitId: read.standingAgency?.unitId ?? (await byCode(standing.code)).id,
        },
      }),
    }
    const existingId = await store.plans.findByNumber({ number: plan.number, issuer: plan.issuer, issuedOn: plan.issuedOn })
    let stored = existingId ? await store.plans.get(existingId) : await store.plans.create(plan, system(now))
    if (publishError(stored) === undefined) stored = await store.plans.publish(stored.id, system(now))
    plans.push({ plan: stored, fresh: !existingId })
  }
  step(
    5,
    `Kế hoạch / plans: ${plans
      .map(({ plan }) => {
        const tasks = plan.sections.flatMap((s) => s.tasks)
        return `${plan.number} (${tasks.length} nhiệm vụ / tasks, ${tasks.reduce((n, t) => n + t.assignees.length, 0)} phân công / assignments)`
      })
      .join(', ')}`,
  )

  // 6. A few reports on Kiên Giang's plan for the first half of 2018, as the units would have filed them.
  const kgPlan = plans.find((p) => p.plan.number === '97/KH-UBND')
  if (kgPlan?.fresh) {
    const stored = kgPlan.plan
    const tasks = stored.sections.flatMap((s) => s.tasks)
    const periodId = (await store.periods.list(stored.id))[0]?.code
    const taskByCode = new Map(tasks.map((t) => [t.code, t]))
    const file = async (
      code: string,
      unit: keyof typeof UNIT,
      actor: string,
      content: { progress: number; narrative: string; workStatus?: 'in-progress' | 'done'; completedOn?: string },
      steps: { submitAt?: string; acceptAt?: string; saveAt: string },
    ) => {
      const task = taskByCode.get(code)
      const unitId = await id(unit)
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
      'interior',
      'planner',
      { progress: 50, narrative: 'Đã tổ chức 02 hội nghị tuyên truyền Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn.' },
      { saveAt: '2018-06-08T02:00:00Z', submitAt: '2018-06-12T02:00:00Z', acceptAt: '2018-06-15T02:00:00Z' },
    )
    await file(
      '1.3',
      'vinhThanhVan',
      'reporter',
      { progress: 60, narrative: 'Niêm yết công khai các khoản đóng góp tự nguyện tại trụ sở phường và 5 khu phố.' },
      { saveAt: '2018-06-11T02:00:00Z', submitAt: '2018-06-14T02:00:00Z' },
    )
    await file(
      '2.4',
      'environment',
      'planner',
      { progress: 30, narrative: 'Đang cập nhật quy hoạch sử dụng đất trên Cổng thông tin điện tử của tỉnh.' },
      { saveAt: '2018-06-13T02:00:00Z' },
    )
  }
  const filed = kgPlan ? (await store.reports.list({ planId: kgPlan.plan.id })).length : 0
  step(6, `Báo cáo / reports: ${filed}`)

  // 7. The 2025 mergers come with the register: Kiên Giang → An Giang from 01/07/2025.
  const successors = (await store.units.get(kg.id)).successorIds
  const names = units.filter((u) => successors.includes(u.id)).map((u) => u.name)
  step(7, `Sáp nhập / merger: Kiên Giang → ${names.join(', ')} (01/07/2025)`)

  return { ...(kgPlan && { planId: kgPlan.plan.id }), accounts }
}
