// The permission matrix (issue #10): every operation of the app's own OpenAPI document, called by
// every role — admin, a province planner, a district planner, a reporter, a viewer, nobody signed
// in, and a second province's planner and reporter — on ids of Kiên Giang, of An Giang, and on ids
// that name nothing. POLICY below is the whole policy in one place: for each operationId, the rule
// its outcome follows (mostly the domain's `can`, stated explicitly where it is not). An operation
// of the document missing from POLICY fails the test.
//
// Every answer — JSON, CSV, and .xlsx/.docx unpacked — is scanned for marker strings written into
// data a caller may not read (the other province's plan, narratives and KPI values; another unit's
// narrative inside the province): none may appear in any response, list, count, audit entry,
// dashboard, target evaluation or download. An id the caller may not read answers exactly what an
// id that names nothing answers, so ids cannot be probed.
//
// Cost: ~1 280 cells per database, one seeded store each; reads first on the shared data, then
// writes — a write that is to go through gets a throwaway target of its own (a fresh plan, report,
// unit, user, session, period), a refused one names the shared records, which it must not change.
// The downloads (24 .xlsx/.docx/.csv generated and unpacked per database) and the register import
// (one call that reads the whole register) are half the time.
import {
  accessTo,
  type Action,
  can,
  mayManageAccount,
  mayWritePeriodNarrative,
  planScopeUnitId,
  type RoleGrant,
  sumReportingStats,
  type UnitReportingStats,
} from '@papi/domain'
import { generateKeyPairSync } from 'node:crypto'
import { readDocx, readXlsx } from '@papi/documents/testing'
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, NOW, PASSWORD, samplePlan, TEST_PASSWORD_COST, type TestApp } from './app.fixture'
import { ALL_OPERATIONS, type Json, type Operation, sample } from './openapi-operations.fixture'
import { hashPassword } from './password'

// --- who calls, and on whose data

const ROLES = ['admin', 'planner', 'districtPlanner', 'reporter', 'viewer', 'anonymous', 'agPlanner', 'agReporter'] as const
type Role = (typeof ROLES)[number]
/** Whose ids the request names: Kiên Giang's, An Giang's, or ids that name nothing. */
type Side = 'kg' | 'ag' | 'ghost'
/**
 * What a cell must answer: `ok` the operation is done — a 2xx, or for a request built to be refused
 * by its data (never by permission) exactly the refusal it names (`Request.refused`: status and
 * details); `forbidden` 403; `hidden` 404, the answer of an id that names nothing; `unauthenticated` 401.
 */
type Outcome = 'ok' | 'forbidden' | 'hidden' | 'unauthenticated'

/** How an operation's outcome follows from who calls on what. */
type Rule =
  /** Anyone, signed in or not. */
  | { kind: 'public' }
  /** Anyone signed in; what comes back is filtered to what the caller may read (scanned). */
  | { kind: 'signedIn' }
  /**
   * The domain's `can(user, action, unit)`, with the unit the request names on that side. `hide`:
   * a caller who may not even `hide`-read that unit is told the id names nothing (404).
   */
  | { kind: 'can'; action: Action; unit: (u: Units) => string | null; hide?: Action }
  /** Someone's account: its owner and whoever may `user.manage` (the domain's `mayManageAccount`). */
  | { kind: 'account'; action: 'user.manage' }
  /** The plan's standing agency (the domain's `mayWritePeriodNarrative`), hidden from who may not read the plan. */
  | { kind: 'standing-agency' }
  /** Stated per role where no `can` says it. */
  | { kind: 'explicit'; outcome: (role: Role, side: Side) => Outcome }

interface Units {
  province: string
  /** The reporter's commune: its reports are filed for it. */
  commune: string
}

const plan = (u: Units) => u.province
const report = (u: Units) => u.commune
const system = () => null

/**
 * THE POLICY: every operation of the document and the rule it follows. Reads of one record hide
 * it (404) from whoever may not read it; writes answer 403 to whoever may read but not change it.
 */
const POLICY: Record<string, Rule> = {
  // Signing in and out, one's own account.
  getHealth: { kind: 'public' },
  logIn: { kind: 'public' },
  // Only the SSH gateway, with its secret, may sign someone in by key: refused to every caller here alike.
  loginWithSshKey: { kind: 'explicit', outcome: () => 'forbidden' },
  logOut: { kind: 'signedIn' },
  getMe: { kind: 'signedIn' },
  // The organisation is public to everyone signed in; only admins change it.
  listUnits: { kind: 'signedIn' },
  getUnitTree: { kind: 'signedIn' },
  getUnit: { kind: 'signedIn' },
  getUnitHistory: { kind: 'signedIn' },
  createUnit: { kind: 'can', action: 'unit.manage', unit: plan },
  updateUnit: { kind: 'can', action: 'unit.manage', unit: plan },
  deleteUnit: { kind: 'can', action: 'unit.manage', unit: plan },
  mergeUnit: { kind: 'can', action: 'unit.manage', unit: plan },
  importRegister: { kind: 'can', action: 'register.import', unit: system },
  // Users: admins; everyone reads the role names.
  listRoles: { kind: 'signedIn' },
  listUsers: { kind: 'can', action: 'user.manage', unit: system },
  createUser: { kind: 'can', action: 'user.manage', unit: system },
  getUser: { kind: 'account', action: 'user.manage' },
  updateUser: { kind: 'account', action: 'user.manage' },
  deleteUser: { kind: 'can', action: 'user.manage', unit: system },
  revokeSessions: { kind: 'account', action: 'user.manage' },
  listSshKeys: { kind: 'account', action: 'user.manage' },
  addSshKey: { kind: 'account', action: 'user.manage' },
  removeSshKey: { kind: 'account', action: 'user.manage' },
  // Plans: read where related, changed by planners of the plan's scope.
  listPlans: { kind: 'signedIn' },
  getPlan: { kind: 'can', action: 'plan.read', unit: plan, hide: 'plan.read' },
  createPlan: { kind: 'can', action: 'plan.manage', unit: plan },
  importPlan: { kind: 'can', action: 'plan.manage', unit: plan },
  replacePlan: { kind: 'can', action: 'plan.manage', unit: plan, hide: 'plan.read' },
  deletePlan: { kind: 'can', action: 'plan.manage', unit: plan, hide: 'plan.read' },
  publishPlan: { kind: 'can', action: 'plan.publish', unit: plan, hide: 'plan.read' },
  listPlanAssignments: { kind: 'can', action: 'plan.read', unit: plan, hide: 'plan.read' },
  listPlanTargets: { kind: 'can', action: 'plan.read', unit: plan, hide: 'plan.read' },
  exportPlanTaskTable: { kind: 'can', action: 'plan.read', unit: plan, hide: 'plan.read' },
  exportPlanReport: { kind: 'can', action: 'plan.read', unit: plan, hide: 'plan.read' },
  // The plans implementing it are listed to who reads the parent, each filtered by childPlanAccess (scanned).
  listChildPlanProgress: { kind: 'can', action: 'plan.read', unit: plan, hide: 'plan.read' },
  // Periods: the calendar is public; a plan's periods are read with the plan, managed by its planners.
  describePeriod: { kind: 'signedIn' },
  listPlanPeriods: { kind: 'can', action: 'plan.read', unit: plan, hide: 'plan.read' },
  openPlanPeriod: { kind: 'can', action: 'period.manage', unit: plan, hide: 'plan.read' },
  updatePlanPeriod: { kind: 'can', action: 'period.manage', unit: plan, hide: 'plan.read' },
  getPeriodNarrative: { kind: 'can', action: 'plan.read', unit: plan, hide: 'plan.read' },
  savePeriodNarrative: { kind: 'standing-agency' },
  // Reports: filed by their unit's reporter, reviewed by planners above it, read by viewers above it.
  listReports: { kind: 'signedIn' },
  listMyTasks: { kind: 'signedIn' },
  saveReport: { kind: 'can', action: 'report.write', unit: report },
  getReport: { kind: 'can', action: 'report.read', unit: report, hide: 'report.read' },
  listReportVersions: { kind: 'can', action: 'report.read', unit: report, hide: 'report.read' },
  submitReport: { kind: 'can', action: 'report.write', unit: report, hide: 'report.read' },
  acceptReport: { kind: 'can', action: 'report.review', unit: report, hide: 'report.read' },
  returnReport: { kind: 'can', action: 'report.review', unit: report, hide: 'report.read' },
  reopenReport: { kind: 'can', action: 'report.review', unit: report, hide: 'report.read' },
  // Index results are published figures: read by everyone signed in, entered by planners.
  listFrameworks: { kind: 'signedIn' },
  listScores: { kind: 'signedIn' },
  listNotRankedScores: { kind: 'signedIn' },
  exportScores: { kind: 'signedIn' },
  saveScores: { kind: 'can', action: 'score.manage', unit: plan },
  importScores: { kind: 'can', action: 'score.manage', unit: plan },
  // The dashboard and the audit log of a unit the caller names (units are public: 403 tells nothing).
  getDashboard: { kind: 'can', action: 'dashboard.read', unit: plan },
  listAuditEntries: { kind: 'can', action: 'audit.read', unit: plan },
  // The whole database.
  downloadBackup: { kind: 'can', action: 'system.backup', unit: system },
  restoreBackup: { kind: 'can', action: 'system.backup', unit: system },
}

const GRANTS: Record<Exclude<Role, 'anonymous'>, (ids: Ids) => RoleGrant[]> = {
  admin: () => [{ role: 'admin', unitId: null }],
  planner: (ids) => [{ role: 'planner', unitId: ids.kg.province }],
  districtPlanner: (ids) => [{ role: 'planner', unitId: ids.rachGia }],
  reporter: (ids) => [{ role: 'reporter', unitId: ids.kg.commune }],
  viewer: (ids) => [{ role: 'viewer', unitId: ids.chauThanh }],
  agPlanner: (ids) => [{ role: 'planner', unitId: ids.ag.province }],
  agReporter: (ids) => [{ role: 'reporter', unitId: ids.ag.commune }],
}

interface Ids {
  kg: Units
  ag: Units
  rachGia: string
  chauThanh: string
  minhLuong: string
}

// Strings written into data only some may read; found in an answer to anyone else, they are a leak.
const MARK = {
  agPlanTitle: 'MX-AG-PLAN-TITLE-7Q',
  agTaskTitle: 'MX-AG-TASK-TITLE-3K',
  agGoal: 'MX-AG-GOAL-5W',
  agNarrative: 'MX-AG-NARRATIVE-9Z',
  agDraftNarrative: 'MX-AG-DRAFT-NARRATIVE-2F',
  agKpi: '731.59',
  agComment: 'MX-AG-COMMENT-4R',
  agPeriodNarrative: 'MX-AG-PERIOD-NARRATIVE-6T',
  mlNarrative: 'MX-ML-NARRATIVE-8P',
  mlKpi: '419.83',
} as const

/** A new ed25519 public key in the one-line OpenSSH form. */
function sshPublicKey(): string {
  const { publicKey } = generateKeyPairSync('ed25519')
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url')
  const field = (bytes: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, bytes.length]), bytes])
  return `ssh-ed25519 ${Buffer.concat([field(Buffer.from('ssh-ed25519')), field(raw)]).toString('base64')} mx@papi`
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The text of an answer as a reader gets it: downloads unpacked. */
async function readable(res: Response): Promise<string> {
  const type = res.headers.get('content-type') ?? ''
  const bytes = new Uint8Array(await res.arrayBuffer())
  if (res.status < 300 && type.startsWith(XLSX)) return JSON.stringify(await readXlsx(bytes))
  if (res.status < 300 && type.startsWith(DOCX)) {
    const docx = await readDocx(bytes)
    return JSON.stringify([docx.paragraphs, docx.tables])
  }
  return new TextDecoder().decode(bytes)
}

describe.each(testBackends())('the permission matrix on $name', (backend) => {
  let store: Store
  let t: TestApp
  let ids: Ids
  const users: Partial<Record<Role, { id: string; roles: RoleGrant[] }>> = {}
  const tokens: Partial<Record<Role, string>> = {}
  /** The shared records of each province (reads use them; writes make their own). */
  const shared: Record<'kg' | 'ag', { plan: any; draftPlan: any; report: any; unit: string; user: string }> = {} as never
  let serial = 0
  const next = () => ++serial
  let cells = 0
  /** Markers some allowed reader was shown: the scan looks where the data is. */
  const seen = new Set<string>()
  let started = 0

  const change = () => ({ actorId: null, at: NOW })
  const session = async (role: Role) =>
    role === 'anonymous' ? undefined : (await store.sessions.create(users[role]!.id, { now: NOW, ttlMs: 86_400_000 })).token

  /** A fresh plan of a province, in draft or published, with the markers in An Giang's. */
  async function newPlan(side: 'kg' | 'ag', publish: boolean): Promise<any> {
    const u = ids[side]
    const base = samplePlan(t.units)
    const n = next()
    const body =
      side === 'kg'
        ? {
            ...base,
            number: `${n}/KH-MX`,
            sections: [
              {
                ...base.sections[0]!,
                tasks: [
                  {
                    ...base.sections[0]!.tasks[0]!,
                    lead: [
                      { text: 'UBND phường Vĩnh Thanh Vân', unitId: u.commune },
                      { text: 'UBND thị trấn Minh Lương', unitId: ids.minhLuong },
                    ],
                    targets: [{ metric: 'Hộ được công khai', comparator: 'gte', value: 90, unit: 'percent' }],
                  },
                ],
              },
            ],
          }
        : {
            ...base,
            number: `${n}/KH-AG`,
            title: `Kế hoạch An Giang ${MARK.agPlanTitle}`,
            issuer: 'Ủy ban nhân dân tỉnh An Giang',
            issuerUnitId: u.province,
            scopeUnitId: u.province,
            standingAgency: { text: 'UBND tỉnh An Giang', unitId: u.province },
            goals: [`Mục tiêu ${MARK.agGoal}`],
            sections: [
              {
                code: '1',
                title: 'Tham gia',
                tasks: [
                  {
                    code: '1.1',
                    title: `Nhiệm vụ ${MARK.agTaskTitle}`,
                    lead: [{ text: 'UBND phường Mỹ Bình', unitId: u.commune }],
                    coordinators: [],
                    timeframe: { kind: 'ongoing', text: 'Thường xuyên' },
                    targets: [{ metric: 'Hộ được công khai', comparator: 'gte', value: 90, unit: 'percent' }],
                  },
                ],
              },
            ],
          }
    const planner = side === 'kg' ? 'planner' : 'agPlanner'
    const created = await t.call('POST', '/api/v1/plans', { token: tokens[planner], body })
    expect(created.status, created.text).toBe(201)
    if (!publish) return created.body
    const published = await t.call('POST', `/api/v1/plans/${created.body.id}/publish`, {
      token: tokens[planner],
      body: { version: created.body.version },
    })
    expect(published.status, published.text).toBe(200)
    return published.body
  }

  /** A fresh submitted report of a province's commune, on the shared plan, in a period of its own. */
  async function newReport(side: 'kg' | 'ag', periodId: string, narrative = 'Đang làm', kpi = 10): Promise<any> {
    const p = shared[side].plan
    const res = await t.call('PUT', '/api/v1/reports', {
      token: tokens[side === 'kg' ? 'reporter' : 'agReporter'],
      body: {
        taskId: p.sections[0].tasks[0].id,
        unitId: ids[side].commune,
        periodId,
        status: 'submitted',
        progress: 50,
        narrative,
        kpiValues: [{ metric: 'Hộ được công khai', value: kpi }],
      },
    })
    expect(res.status, res.text).toBe(200)
    return res.body
  }

  /** Periods opened on both shared plans, so each fresh report has a key of its own. */
  const months = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}M${String(i + 1).padStart(2, '0')}`)
  const REPORT_PERIODS = [...months(2018), ...months(2019)]
  const periodIndex = { kg: 0, ag: 0, ghost: 0 }
  const nextReportPeriod = (side: Side) => REPORT_PERIODS[periodIndex[side]++ % REPORT_PERIODS.length]!
  /** Periods no plan has opened yet, for the cells that open one. */
  const NEW_PERIODS = [...months(2020), ...months(2021)]
  let newPeriodIndex = 0
  const nextNewPeriod = () => NEW_PERIODS[newPeriodIndex++ % NEW_PERIODS.length]!

  beforeAll(async () => {
    started = Date.now()
    store = await backend.open()
    t = await makeTestApp(store)
    const ag = await store.units.create(
      { code: 'AG', name: 'UBND tỉnh An Giang', level: 'province', kind: 'people-committee', parentId: null },
      change(),
    )
    const agCommune = await store.units.create(
      { code: 'AG-LX', name: 'UBND phường Mỹ Bình', level: 'commune', kind: 'people-committee', parentId: ag.id },
      change(),
    )
    ids = {
      kg: { province: t.units.kg.id, commune: t.units.vtv.id },
      ag: { province: ag.id, commune: agCommune.id },
      rachGia: t.units.rachGia.id,
      chauThanh: t.units.chauThanh.id,
      minhLuong: t.units.minhLuong.id,
    }
    const passwordHash = await hashPassword(PASSWORD, TEST_PASSWORD_COST)
    for (const role of ROLES) {
      if (role === 'anonymous') continue
      const roles = GRANTS[role](ids)
      const user = await store.users.create({ username: `mx-${role.toLowerCase()}`, passwordHash, displayName: role, roles }, change())
      users[role] = { id: user.id, roles }
      tokens[role] = await session(role)
    }
    const ml = await store.users.create(
      { username: 'mx-ml', passwordHash, displayName: 'ml', roles: [{ role: 'reporter', unitId: ids.minhLuong }] },
      change(),
    )
    const mlToken = (await store.sessions.create(ml.id, { now: NOW, ttlMs: 86_400_000 })).token

    for (const side of ['kg', 'ag'] as const) {
      const p = await newPlan(side, true)
      shared[side] = {
        plan: p,
        draftPlan: await newPlan(side, false),
        report: undefined,
        unit: '',
        user: users[side === 'kg' ? 'reporter' : 'agReporter']!.id,
      }
      const unit = await store.units.create(
        { code: `MX-${side}`, name: `Đơn vị ${side}`, level: 'province', kind: 'department', parentId: ids[side].province },
        change(),
      )
      shared[side].unit = unit.id
      for (const periodId of REPORT_PERIODS) await store.periods.open(p.id, periodId, {}, change())
    }
    // Kiên Giang: Vĩnh Thanh Vân's report (accepted), Minh Lương's (submitted, with its markers).
    const kgReport = await newReport('kg', '2018S1', 'Đã niêm yết', 95)
    const accepted = await t.call('POST', `/api/v1/reports/${kgReport.id}/accept`, {
      token: tokens.planner,
      body: { version: kgReport.version },
    })
    expect(accepted.status, accepted.text).toBe(200)
    shared.kg.report = accepted.body
    const mlReport = await t.call('PUT', '/api/v1/reports', {
      token: mlToken,
      body: {
        taskId: shared.kg.plan.sections[0].tasks[0].id,
        unitId: ids.minhLuong,
        periodId: '2018S1',
        status: 'submitted',
        progress: 30,
        narrative: `Minh Lương ${MARK.mlNarrative}`,
        kpiValues: [{ metric: 'Hộ được công khai', value: Number(MARK.mlKpi) }],
      },
    })
    expect(mlReport.status, mlReport.text).toBe(200)
    // An Giang: an accepted report and a draft, every text marked.
    const agReport = await newReport('ag', '2018S1', `Báo cáo ${MARK.agNarrative}`, Number(MARK.agKpi))
    const agAccepted = await t.call('POST', `/api/v1/reports/${agReport.id}/accept`, {
      token: tokens.agPlanner,
      body: { version: agReport.version, comment: `Nhận xét ${MARK.agComment}` },
    })
    expect(agAccepted.status, agAccepted.text).toBe(200)
    shared.ag.report = agAccepted.body
    const agDraft = await t.call('PUT', '/api/v1/reports', {
      token: tokens.agReporter,
      body: {
        taskId: shared.ag.plan.sections[0].tasks[0].id,
        unitId: ids.ag.commune,
        periodId: '2018Q3',
        progress: 5,
        narrative: `Nháp ${MARK.agDraftNarrative}`,
      },
    })
    expect(agDraft.status, agDraft.text).toBe(200)
    // Data from before assignees were held to the plan's province (#10 hole 1), which neither the
    // API nor the store writes any more: an An Giang plan whose task Kiên Giang's Vĩnh Thanh Vân leads.
    const legacy = await newPlan('ag', true)
    const client = (store.db as unknown as { $client: { query(text: string, params: unknown[]): Promise<unknown> } }).$client
    await client.query('update assignments set unit_id = $1 where plan_id = $2', [ids.kg.commune, legacy.id])
    // An Giang's own report for the period, in words.
    const agWords = await t.call('PUT', `/api/v1/plans/${shared.ag.plan.id}/periods/2018S1/narrative`, {
      token: tokens.agPlanner,
      body: { results: `Kết quả ${MARK.agPeriodNarrative}`, version: 0 },
    })
    expect(agWords.status, agWords.text).toBe(200)
    // Index results of both provinces.
    for (const [unitId, total] of [
      [ids.kg.province, 40.1],
      [ids.ag.province, 41.2],
    ] as const) {
      const saved = await t.call('POST', '/api/v1/scores', {
        token: tokens.admin,
        body: { unitId, frameworkId: 'papi-2018', year: 2018, total, version: 0 },
      })
      expect(saved.status, saved.text).toBe(201)
    }
  }, 60_000)
  afterAll(async () => {
    await store?.close()
  })

  // --- the expected outcome of one cell

  function expected(op: Operation, role: Role, side: Side): Outcome {
    const rule = POLICY[op.operationId]!
    if (rule.kind === 'explicit') return rule.outcome(role, side)
    if (rule.kind === 'public') return 'ok'
    if (role === 'anonymous') return 'unauthenticated'
    if (rule.kind === 'signedIn') return side === 'ghost' ? 'hidden' : 'ok'
    const user = users[role]!
    if (rule.kind === 'standing-agency') {
      if (side === 'ghost') return 'hidden'
      const p = shared[side].plan
      if (mayWritePeriodNarrative(user, p, treeNow!)) return 'ok'
      return can(user, 'plan.read', planScopeUnitId(p) ?? null, treeNow!) ? 'forbidden' : 'hidden'
    }
    if (rule.kind === 'account') {
      if (mayManageAccount({ ...user }, side === 'ghost' ? GHOST : shared[side].user, treeNow!)) return side === 'ghost' ? 'hidden' : 'ok'
      return 'forbidden'
    }
    if (side === 'ghost') {
      // An id that names nothing: 404, unless the role is refused whatever the id names.
      const refusedEverywhere = (['kg', 'ag'] as const).every((s) => expected(op, role, s) === 'forbidden')
      return refusedEverywhere ? 'forbidden' : 'hidden'
    }
    const unit = rule.unit(ids[side])
    const access = rule.hide
      ? accessTo(user, rule.action, unit, treeNow!, rule.hide)
      : can(user, rule.action, unit, treeNow!)
        ? 'granted'
        : 'forbidden'
    return ({ granted: 'ok', forbidden: 'forbidden', 'not-found': 'hidden' } as const)[access]
  }
  let treeNow: Awaited<ReturnType<Store['units']['tree']>> | undefined

  /** Markers the role may not see: An Giang's to everyone outside it, Minh Lương's to who may not read its reports. */
  function forbiddenMarkers(role: Role): string[] {
    if (role === 'admin') return []
    const user = users[role]
    const tree = treeNow!
    const mayRead = (action: Action, unitId: string) => user !== undefined && can(user, action, unitId, tree)
    const out: string[] = []
    if (!mayRead('plan.read', ids.ag.province)) out.push(MARK.agPlanTitle, MARK.agTaskTitle, MARK.agGoal, MARK.agPeriodNarrative)
    if (!mayRead('report.read', ids.ag.commune)) out.push(MARK.agNarrative, MARK.agDraftNarrative, MARK.agKpi, MARK.agComment)
    if (!mayRead('report.read', ids.minhLuong)) out.push(MARK.mlNarrative, MARK.mlKpi)
    return out
  }

  // --- the request of one cell

  interface Request {
    path: string
    /**
     * The one answer besides a 2xx that counts as done, for a request deliberately incomplete (a
     * garbage backup, a province the register lacks): the refusal its data gives, never its
     * permission, named by status and the details it must carry.
     */
    refused?: { status: 404 | 409 | 422; details: Record<string, Json> }
    body?: Json | { raw: NonNullable<RequestInit['body']>; type?: string }
  }

  const GHOST = '00000000-0000-4000-8000-00000000dead'

  /**
   * The request of `op` naming `side`'s ids; a write gets a throwaway target of its own. Several
   * requests for an operation with several forms (the downloads' formats).
   */
  async function requestsOf(op: Operation, role: Role, side: Side, outcome: Outcome): Promise<Request[]> {
    /** A write that goes through gets a target of its own; a refused one names the shared records. */
    const fresh = outcome === 'ok'
    const s = side === 'ghost' ? undefined : shared[side]
    const u = side === 'ghost' ? ids.kg : ids[side]
    const ghost = side === 'ghost'
    const planId = () => (ghost ? GHOST : s!.plan.id)
    const path = (params: Record<string, string>) => op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? GHOST)
    const body = (hints: Record<string, Json>): Json => sample(op.body?.schema, '', hints)
    const writer = side === 'ag' ? 'agPlanner' : 'planner'
    switch (op.operationId) {
      case 'logIn':
        return [{ path: path({}), body: { username: 'mx-viewer', password: PASSWORD } }]
      case 'loginWithSshKey':
        return [{ path: path({}), body: body({ username: 'mx-admin' }) }]
      case 'getUnit':
      case 'getUnitHistory':
        return [{ path: path({ id: ghost ? GHOST : s!.unit }) }]
      case 'createUnit':
        return [
          {
            path: path({}),
            body: { code: `MX-U${next()}`, name: 'Đơn vị mới', level: 'province', kind: 'department', parentId: u.province },
          },
        ]
      case 'updateUnit':
      case 'deleteUnit':
      case 'mergeUnit': {
        if (ghost || !fresh) {
          const id = ghost ? GHOST : s!.unit
          // A delete names the version it read (?version=); a ghost's is any.
          const query = op.operationId === 'deleteUnit' ? `?version=${ghost ? 1 : ((await store.units.get(id)).version ?? 1)}` : ''
          return [
            {
              path: `${path({ id })}${query}`,
              ...(op.body && { body: { ...(body({ successorId: ids.kg.province, effectiveOn: '2019-01-01' }) as object), name: 'x' } }),
            },
          ]
        }
        const unit = await store.units.create(
          { code: `MX-U${next()}`, name: 'Đơn vị tạm', level: 'province', kind: 'department', parentId: u.province },
          change(),
        )
        const successor = await store.units.create(
          { code: `MX-U${next()}`, name: 'Đơn vị kế thừa', level: 'province', kind: 'department', parentId: u.province },
          change(),
        )
        const hints: Record<string, Json> = {
          successorId: successor.id,
          effectiveOn: '2019-01-01',
          version: (unit as { version?: number }).version ?? 1,
        }
        const query = op.operationId === 'deleteUnit' ? `?version=${hints.version}` : ''
        return [
          { path: `${path({ id: unit.id })}${query}`, ...(op.body && { body: { ...(body(hints) as object), name: 'Đơn vị đổi tên' } }) },
        ]
      }
      case 'importRegister':
        // A province code the register does not have: through the permission check, nothing loaded.
        return [{ path: path({}), body: { province: '99' }, refused: { status: 404, details: { province: '99' } } }]
      case 'getUser':
      case 'listSshKeys':
        return [{ path: path({ id: ghost ? GHOST : s!.user }) }]
      case 'createUser':
        return [
          {
            path: path({}),
            body: {
              username: `mx-new-${next()}`,
              password: 'mot-mat-khau-rat-dai-2018',
              displayName: 'Mới',
              roles: [{ role: 'viewer', unitId: u.province }],
            },
          },
        ]
      case 'updateUser':
      case 'deleteUser':
      case 'revokeSessions':
      case 'addSshKey':
      case 'removeSshKey': {
        // The shared account of the side (its reporter: their own, to them), or a throwaway one for the admin.
        let id = ghost ? GHOST : s!.user
        if (fresh && role === 'admin' && !ghost) {
          const roles: RoleGrant[] = [{ role: 'reporter', unitId: u.commune }]
          id = (await store.users.create({ username: `mx-tmp-${next()}`, passwordHash: 'x', displayName: 'Tạm', roles }, change())).id
        }
        let keyId = GHOST
        if (op.operationId === 'removeSshKey' && fresh && !ghost) {
          const added = await t.call('POST', `/api/v1/users/${id}/ssh-keys`, { token: tokens.admin, body: { publicKey: sshPublicKey() } })
          expect(added.status, added.text).toBe(201)
          keyId = added.body.id
        }
        const hints: Record<string, Json> = { publicKey: sshPublicKey(), version: ghost ? 1 : (await store.users.get(id)).version }
        const query =
          op.operationId === 'deleteUser'
            ? `?version=${ghost ? 1 : (await store.users.get(id)).version}`
            : op.operationId === 'removeSshKey'
              ? '?version=1'
              : ''
        return [
          { path: `${path({ id, keyId })}${query}`, ...(op.body && { body: { ...(body(hints) as object), displayName: 'Tên mới' } }) },
        ]
      }
      case 'importPlan': {
        const form = new FormData()
        // One task table with one task: a dry run answers what would be stored.
        const table = [
          'Kế hoạch 1/KH-UBND',
          'TT,Nhiệm vụ,Đơn vị chủ trì,Thời gian thực hiện',
          'I,Cải cách hành chính,,',
          '1.1,Niêm yết thủ tục,Sở Nội vụ,Năm 2018',
        ]
        form.append('file', new File([table.join('\n')], 'plan.csv', { type: 'text/csv' }))
        return [{ path: `${path({})}?scopeUnitId=${u.province}`, body: { raw: form } }]
      }
      case 'createPlan': {
        const p = samplePlan(t.units)
        const scoped =
          side === 'ag'
            ? {
                ...p,
                issuerUnitId: u.province,
                scopeUnitId: u.province,
                standingAgency: { text: 'UBND tỉnh An Giang', unitId: u.province },
                sections: [],
              }
            : p
        return [
          {
            path: path({}),
            body: { ...scoped, number: `${next()}/KH-MXC`, ...(ghost && { scopeUnitId: GHOST, issuerUnitId: GHOST }) } as unknown as Json,
          },
        ]
      }
      case 'replacePlan':
      case 'deletePlan':
      case 'publishPlan': {
        // A delete names the version it read (?version=).
        const query = (version: number) => (op.operationId === 'deletePlan' ? `?version=${version}` : '')
        if (ghost)
          return [
            {
              path: `${path({ id: GHOST })}${query(1)}`,
              body: op.body ? ({ ...samplePlan(t.units), version: 1 } as unknown as Json) : undefined,
            },
          ]
        // A fresh draft, so a write that goes through changes nothing the other cells read.
        const draft = fresh ? await newPlan(side, false) : s!.draftPlan
        const { id, createdAt, updatedAt, status, version, ...content } = draft
        return [
          {
            path: `${path({ id })}${query(version)}`,
            ...(op.body && { body: op.operationId === 'publishPlan' ? { version } : { ...content, version } }),
          },
        ]
      }
      case 'getPlan':
      case 'listPlanAssignments':
      case 'listPlanTargets':
      case 'listPlanPeriods':
      case 'listChildPlanProgress':
        return [{ path: path({ id: planId() }) }]
      case 'exportPlanTaskTable':
        return ['xlsx', 'docx', 'csv'].map((format) => ({ path: `${path({ id: planId() })}?format=${format}&periodId=2018S1` }))
      case 'exportPlanReport':
        return ['xlsx', 'docx'].map((format) => ({ path: `${path({ id: planId() })}?format=${format}&periodId=2018S1` }))
      case 'describePeriod':
        return [{ path: path({ periodId: '2018S1' }) }]
      case 'openPlanPeriod':
        return [{ path: path({ id: planId() }), body: { periodId: nextNewPeriod() } }]
      case 'updatePlanPeriod': {
        const period = ghost ? undefined : (await store.periods.list(s!.plan.id))[0]
        return [
          {
            path: path({ id: planId(), periodId: period?.code ?? '2018S1' }),
            body: body({ dueOn: '2018-07-15', version: (period as any)?.version ?? 1 }),
          },
        ]
      }
      case 'getPeriodNarrative':
        return [{ path: path({ id: planId(), periodId: '2018S1' }) }]
      case 'savePeriodNarrative': {
        // A period of its own for a save that goes through: the shared 2018S1 texts stay as seeded.
        const periodId = fresh ? nextReportPeriod(side) : '2018S1'
        return [{ path: path({ id: planId(), periodId }), body: { results: 'Kết quả', version: 0 } }]
      }
      case 'listReports':
        return [
          { path: path({}) },
          { path: `${path({})}?planId=${planId()}` },
          { path: `${path({})}?unitId=${ghost ? GHOST : u.commune}` },
          { path: `${path({})}?planId=${shared.kg.plan.id}&unitId=${ids.minhLuong}` },
        ]
      case 'listMyTasks':
        return [{ path: `${path({})}?periodId=2018S1` }]
      case 'saveReport':
        return [
          {
            path: path({}),
            body: {
              taskId: ghost ? GHOST : s!.plan.sections[0].tasks[0].id,
              unitId: ghost ? GHOST : u.commune,
              periodId: nextReportPeriod(side),
              progress: 20,
              narrative: 'Đang thực hiện',
            },
          },
        ]
      case 'getReport':
      case 'listReportVersions':
        return [{ path: path({ id: ghost ? GHOST : s!.report.id }) }]
      case 'submitReport':
      case 'acceptReport':
      case 'returnReport':
      case 'reopenReport': {
        if (ghost) return [{ path: path({ id: GHOST }), body: { version: 1, comment: 'Xem lại' } }]
        if (!fresh) return [{ path: path({ id: s!.report.id }), body: { version: s!.report.version, comment: 'Xem lại' } }]
        let r = await newReport(side, nextReportPeriod(side))
        if (op.operationId === 'submitReport') {
          const returned = await t.call('POST', `/api/v1/reports/${r.id}/return`, {
            token: tokens[writer],
            body: { version: r.version, comment: 'Bổ sung' },
          })
          r = returned.body
        }
        if (op.operationId === 'reopenReport') {
          const accepted = await t.call('POST', `/api/v1/reports/${r.id}/accept`, { token: tokens[writer], body: { version: r.version } })
          r = accepted.body
        }
        return [{ path: path({ id: r.id }), body: { version: r.version, comment: 'Xem lại' } }]
      }
      case 'listScores':
      case 'listNotRankedScores':
        return [{ path: path({}) }, { path: `${path({})}?unitId=${ghost ? GHOST : u.province}` }]
      case 'exportScores':
        return [{ path: `${path({})}?frameworkId=papi-2018&year=2018` }]
      case 'saveScores':
        return [
          {
            path: path({}),
            body: {
              unitId: ghost ? GHOST : u.province,
              frameworkId: 'papi-2018',
              year: 2018,
              total: 39.5,
              // The version of the stored result, as a form that read it sends (0: none yet).
              version: ghost
                ? 0
                : ((await store.scores.list({ unitId: u.province, frameworkId: 'papi-2018', year: 2018 }))[0]?.version ?? 0),
            },
          },
        ]
      case 'importScores':
        return [
          {
            path: `${path({})}?frameworkId=papi-2018&year=2018&dryRun=true`,
            body: { raw: `unit,total,rank,rankOf\n${side === 'ag' ? 'AG' : 'KG'},38.1,40,63\n`, type: 'text/csv' },
          },
        ]
      case 'getDashboard':
        return [
          { path: `${path({})}?unitId=${ghost ? GHOST : u.province}&periodId=2018S1` },
          { path: `${path({})}?unitId=${ghost ? GHOST : u.province}&periodId=2018S1&planId=${planId()}` },
          // The side's unit with the other province's plan as the filter.
          { path: `${path({})}?unitId=${u.province}&periodId=2018S1&planId=${shared[side === 'ag' ? 'kg' : 'ag'].plan.id}` },
        ]
      case 'listAuditEntries':
        return [
          { path: `${path({})}?provinceId=${ghost ? GHOST : u.province}` },
          { path: `${path({})}?provinceId=${ghost ? GHOST : u.province}&entity=report` },
          // The side's province with the other province's report as the filter.
          { path: `${path({})}?provinceId=${u.province}&entityId=${shared[side === 'ag' ? 'kg' : 'ag'].report.id}` },
        ]
      case 'restoreBackup':
        return [
          {
            path: path({}),
            body: { raw: 'not a backup', type: 'application/gzip' },
            refused: { status: 422, details: { reason: 'not-a-backup' } },
          },
        ]
      default:
        return [{ path: path({}) }]
    }
  }

  /** Operations whose ids or filters have sides; the others are called once per role (side kg). */
  const sidesOf = (op: Operation): Side[] => {
    const rule = POLICY[op.operationId]
    if (rule?.kind === 'public' || rule?.kind === 'explicit') return ['kg']
    if (rule?.kind === 'can' && rule.unit === system && !op.path.includes('{')) return ['kg']
    if (
      [
        'listUnits',
        'getUnitTree',
        'getMe',
        'logOut',
        'listRoles',
        'listPlans',
        'listMyTasks',
        'listFrameworks',
        'exportScores',
        'describePeriod',
      ].includes(op.operationId)
    ) {
      return ['kg']
    }
    return op.path.includes('{') ? ['kg', 'ag', 'ghost'] : ['kg', 'ag']
  }

  async function send(
    op: Operation,
    role: Role,
    request: Request,
  ): Promise<{ status: number; text: string; code?: string; details?: Record<string, Json> }> {
    // Ending sessions ends the caller's own: those cells sign in afresh, and leave a fresh token behind.
    const ends = op.operationId === 'logOut' || op.operationId === 'revokeSessions'
    const token = ends ? await session(role) : tokens[role]
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {}
    let body: NonNullable<RequestInit['body']> | undefined
    if (request.body !== undefined) {
      const raw = request.body as { raw?: NonNullable<RequestInit['body']>; type?: string }
      if (raw && typeof raw === 'object' && 'raw' in raw && raw.raw !== undefined) {
        body = raw.raw
        if (raw.type) headers['content-type'] = raw.type
      } else {
        body = JSON.stringify(request.body)
        headers['content-type'] = 'application/json'
      }
    }
    const res = await t.app.request(request.path, { method: op.method, headers, body })
    if (ends && role !== 'anonymous') tokens[role] = await session(role)
    const text = await readable(res)
    let code: string | undefined
    let details: Record<string, Json> | undefined
    try {
      ;({ code, details } = JSON.parse(text)?.error ?? {})
    } catch {}
    return { status: res.status, text, code, details }
  }

  function problemOf(outcome: Outcome, answer: Awaited<ReturnType<typeof send>>, request: Request): string | undefined {
    const { status, code } = answer
    if (status >= 500) return 'a server error'
    switch (outcome) {
      case 'ok': {
        if (status >= 200 && status < 300) return
        const refused = request.refused
        const named =
          refused?.status === status &&
          Object.entries(refused.details).every(([key, value]) => JSON.stringify(answer.details?.[key]) === JSON.stringify(value))
        return named ? undefined : `expected it done (2xx${refused ? ` or ${refused.status} ${JSON.stringify(refused.details)}` : ''})`
      }
      case 'forbidden':
        return status === 403 && code === 'forbidden' ? undefined : 'expected 403 forbidden'
      case 'hidden':
        return status === 404 && code === 'not-found' ? undefined : 'expected 404 not-found (as an id that names nothing)'
      case 'unauthenticated':
        return status === 401 ? undefined : 'expected 401'
    }
  }

  const READ = (op: Operation) => op.method === 'GET'
  const runs: Operation[] = [
    ...ALL_OPERATIONS.filter(READ),
    // Writes after the reads; the backup restore, which would replace everything, is sent garbage.
    ...ALL_OPERATIONS.filter((op) => !READ(op)),
  ]

  it('names every operation of the document in the policy', () => {
    const missing = ALL_OPERATIONS.map((op) => op.operationId).filter((id) => !(id in POLICY))
    expect(missing, 'operations without an entry in POLICY').toEqual([])
    const stale = Object.keys(POLICY).filter((id) => !ALL_OPERATIONS.some((op) => op.operationId === id))
    expect(stale, 'POLICY entries for operations the document no longer has').toEqual([])
  })

  it.each(runs.map((op) => [op.operationId, op] as const))('%s', async (_, op) => {
    treeNow ??= await store.units.tree()
    const problems: string[] = []
    for (const role of ROLES) {
      for (const side of sidesOf(op)) {
        const outcome = expected(op, role, side)
        for (const request of await requestsOf(op, role, side, outcome)) {
          const answer = await send(op, role, request)
          cells++
          const where = `${role} ${op.method} ${request.path} [${side}] → ${answer.status}`
          const problem = problemOf(outcome, answer, request)
          if (problem) problems.push(`${where}: ${problem} ${answer.text.slice(0, 200)}`)
          if (op.operationId === 'getDashboard' && answer.status === 200) {
            // Counts too: the totals are those of the plans shown, no more.
            const dash = JSON.parse(answer.text)
            const { unitId: _, ...sum } = sumReportingStats(
              dash.plans.map((p: { reporting: UnitReportingStats }) => p.reporting),
              dash.unitId,
            )
            if (JSON.stringify(sum) !== JSON.stringify(dash.totals)) {
              problems.push(`${where}: totals ${JSON.stringify(dash.totals)} count plans it does not show (${JSON.stringify(sum)})`)
            }
          }
          const hidden = forbiddenMarkers(role)
          for (const marker of Object.values(MARK)) {
            if (!answer.text.includes(marker)) continue
            if (hidden.includes(marker)) problems.push(`${where}: leaks ${marker}`)
            else seen.add(marker)
          }
        }
      }
    }
    expect(problems).toEqual([])
  })

  it('states the cells it checked and the time it took', () => {
    expect([...seen].sort(), 'markers an allowed reader sees somewhere').toEqual(Object.values(MARK).sort())
    console.info(`permission matrix on ${backend.name}: ${cells} cells (operation × role × side × form) in ${Date.now() - started} ms`)
    expect(cells).toBeGreaterThan(ALL_OPERATIONS.length * ROLES.length)
  })
})
