// `papi bench generate`: a deterministic dataset written straight into the database.
//
// Units come from the national register (a national root, 34 provinces each with departments and
// every commune); each province gets one published ~40-task plan through the store itself (so
// assignments are resolved by the domain: half the tasks name "UBND cấp xã" and expand to every
// commune); then five years of reports (every period the plans open), their versions and audit rows, and every
// province's scores are written with INSERT … SELECT, secondary indexes dropped during the load
// and rebuilt after. The same scale always yields the same units, plans, reports and figures
// (plan, task and assignment ids are the store's own random ids).
import { createHash } from 'node:crypto'
import type { Plan, Task } from '@papi/domain'
import type { Store } from '@papi/store'
import { sql } from 'drizzle-orm'
import { readRegister, type RegisterProvince } from './register'

export const SCALES = ['national', 'province', 'small'] as const
export type Scale = (typeof SCALES)[number]

interface ScaleSpec {
  /** Province codes to keep; undefined = all 34. */
  provinces?: string[]
  /** At most this many communes per province; undefined = all. */
  communes?: number
  departments: number
  tasks: number
  years: { from: number; to: number }
}

const SPECS: Record<Scale, ScaleSpec> = {
  national: { departments: 20, tasks: 40, years: { from: 2021, to: 2025 } },
  // An Giang (with the former Kiên Giang): one of the largest provinces, 102 communes.
  province: { provinces: ['91'], departments: 20, tasks: 40, years: { from: 2021, to: 2025 } },
  small: { provinces: ['91', '01'], communes: 12, departments: 5, tasks: 10, years: { from: 2024, to: 2025 } },
}

/** Fixed clock of the generated world: every period of the plans has closed by then. */
export const GENERATED_AT = new Date('2026-06-30T00:00:00Z')

export interface GenerateResult {
  scale: Scale
  units: number
  plans: number
  tasks: number
  assignments: number
  reports: number
  seconds: number
  /** Ids the benchmark asks about. */
  rootUnitId: string
  provinceUnitIds: string[]
}

export interface GenerateOptions {
  scale: Scale
  /** Called as work progresses: phase, done, total. */
  progress?: (phase: string, done: number, total: number) => void
}

/** A uuid-shaped id from a name: the same name, the same id, on every run. */
export function stableId(name: string): string {
  const h = createHash('md5').update(name).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}

const DEPARTMENTS = [
  'Sở Nội vụ',
  'Sở Tư pháp',
  'Sở Tài chính',
  'Sở Xây dựng',
  'Sở Nông nghiệp và Môi trường',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Công Thương',
  'Sở Khoa học và Công nghệ',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Thanh tra tỉnh',
  'Văn phòng UBND tỉnh',
  'Sở Dân tộc và Tôn giáo',
  'Sở Ngoại vụ',
  'Ban Quản lý các khu công nghiệp',
  'Công an tỉnh',
  'Bảo hiểm xã hội tỉnh',
  'Sở Giao thông vận tải',
  'Sở Lao động',
  'Sở Kế hoạch',
]

function unitRows(register: RegisterProvince[], spec: ScaleSpec) {
  const root = {
    id: stableId('unit:VN'),
    code: 'VN',
    name: 'Chính phủ',
    level: 'national',
    kind: 'people-committee',
    parentId: null,
    provinceId: null,
  }
  const rows: (
    | typeof root
    | { id: string; code: string; name: string; level: string; kind: string; parentId: string; provinceId: string }
  )[] = [root]
  for (const p of register) {
    const provinceId = stableId(`unit:${p.code}`)
    rows.push({ id: provinceId, code: p.code, name: p.name, level: 'province', kind: 'people-committee', parentId: root.id, provinceId })
    for (let d = 0; d < spec.departments; d++) {
      const code = `${p.code}-S${String(d + 1).padStart(2, '0')}`
      rows.push({
        id: stableId(`unit:${code}`),
        code,
        name: DEPARTMENTS[d % DEPARTMENTS.length] as string,
        level: 'province',
        kind: 'department',
        parentId: provinceId,
        provinceId,
      })
    }
    for (const c of p.communes.slice(0, spec.communes ?? p.communes.length)) {
      rows.push({
        id: stableId(`unit:${p.code}-${c.code}`),
        code: `${p.code}-${c.code}`,
        name: c.name,
        level: 'commune',
        kind: 'people-committee',
        parentId: provinceId,
        provinceId,
      })
    }
  }
  return { root, rows }
}

function planOf(p: RegisterProvince, spec: ScaleSpec): Plan {
  const provinceId = stableId(`unit:${p.code}`)
  const dept = (i: number) => {
    const code = `${p.code}-S${String((i % spec.departments) + 1).padStart(2, '0')}`
    return { text: DEPARTMENTS[(i % spec.departments) % DEPARTMENTS.length] as string, unitId: stableId(`unit:${code}`) }
  }
  const perSection = Math.ceil(spec.tasks / 4)
  const sections: Plan['sections'] = []
  for (let s = 0; s < 4; s++) {
    const tasks: Task[] = []
    for (let k = 0; k < perSection && s * perSection + k < spec.tasks; k++) {
      const i = s * perSection + k
      const year = spec.years.from + (i % (spec.years.to - spec.years.from + 1))
      tasks.push({
        code: `${s + 1}.${k + 1}`,
        title: `Nhiệm vụ ${s + 1}.${k + 1}: nâng cao chất lượng ${['công khai', 'giải trình', 'thủ tục hành chính', 'dịch vụ công'][s]} (${i + 1})`,
        lead: i % 2 === 0 ? [{ text: 'UBND cấp xã', unitClass: 'commune-committees' }] : [dept(i)],
        coordinators: [dept(i + 1)],
        timeframe:
          i % 4 === 3
            ? { kind: 'window', text: `Năm ${year}`, start: `${year}-01-01`, end: `${year}-12-31` }
            : { kind: 'ongoing', text: 'Thường xuyên' },
        targets: [],
      } as Task)
    }
    sections.push({
      code: String(s + 1),
      title: ['Công khai, minh bạch', 'Trách nhiệm giải trình', 'Thủ tục hành chính công', 'Cung ứng dịch vụ công'][s] as string,
      tasks,
    })
  }
  return {
    number: `${p.code}/KH-UBND`,
    title: `Kế hoạch nâng cao Chỉ số PAPI ${p.area} giai đoạn ${spec.years.from}–${spec.years.to}`,
    issuer: `Ủy ban nhân dân ${p.area}`,
    issuerUnitId: provinceId,
    issuedOn: `${spec.years.from}-01-15`,
    index: 'papi',
    years: spec.years,
    scopeUnitId: provinceId,
    standingAgency: dept(0),
    goals: ['Chỉ số PAPI tăng hạng so với năm trước'],
    targets: [],
    status: 'draft',
    sections,
  } as Plan
}

/** The secondary indexes of the bulk-loaded tables, dropped during the load and rebuilt after. */
async function dropIndexes(store: Store, tables: string[]): Promise<string[]> {
  const rows = await store.db.execute<{ indexname: string; indexdef: string }>(sql`
    select i.indexname, i.indexdef from pg_indexes i
    where i.schemaname = 'public' and i.tablename in (${sql.join(
      tables.map((t) => sql`${t}`),
      sql`, `,
    )})
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`)
  const list =
    (rows as unknown as { rows?: { indexname: string; indexdef: string }[] }).rows ??
    (rows as unknown as { indexname: string; indexdef: string }[])
  for (const r of list) await store.db.execute(sql.raw(`drop index if exists "${r.indexname}"`))
  return list.map((r) => r.indexdef)
}

/**
 * Fills an empty, migrated store with the dataset of a scale. Throws if the store already holds units.
 *
 * @example
 * await generate(await openStore({ databaseUrl }), { scale: 'province' })
 */
export async function generate(store: Store, options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now()
  const spec = SPECS[options.scale]
  const progress = options.progress ?? (() => {})
  const register = (await readRegister()).filter((p) => !spec.provinces || spec.provinces.includes(p.code))
  const change = { actorId: null, at: GENERATED_AT }
  const existing = await store.db.execute(sql`select count(*)::int as n from units`)
  const n = ((existing as unknown as { rows?: { n: number }[] }).rows ?? (existing as unknown as { n: number }[]))[0]?.n ?? 0
  if (n > 0) throw new Error('the database already holds units: generate into an empty database')

  // Units: a few thousand rows in batches.
  const { root, rows } = unitRows(register, spec)
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500)
    await store.db.execute(
      sql`insert into units (id, code, name, level, kind, parent_id, province_id, created_at, updated_at) values ${sql.join(
        batch.map(
          (u) =>
            sql`(${u.id}, ${u.code}, ${u.name}, ${u.level}, ${u.kind}, ${u.parentId}, ${u.provinceId}, ${GENERATED_AT}, ${GENERATED_AT})`,
        ),
        sql`, `,
      )}`,
    )
    progress('units', Math.min(i + 500, rows.length), rows.length)
  }

  // Plans through the store: the domain resolves every assignee; publishing opens the periods.
  let done = 0
  for (const p of register) {
    const plan = await store.plans.create(planOf(p, spec), change)
    await store.plans.publish(plan.id, change)
    progress('plans', ++done, register.length)
  }

  // Reports, their versions and audit rows: INSERT … SELECT per province, indexes rebuilt after.
  const definitions = await dropIndexes(store, ['reports', 'report_versions', 'audit_log'])
  done = 0
  for (const p of register) {
    const provinceId = stableId(`unit:${p.code}`)
    await store.db.transaction(async (tx) => {
      // Referential checks are the generator's own business here (superuser only, this transaction only).
      await tx.execute(sql`set local session_replication_role = replica`)
      await tx.execute(sql`
        insert into reports (province_id, id, plan_id, task_id, unit_id, period_id, status, work_status, progress,
          narrative, version, completed_on, submitted_at, reviewed_at, reviewed_by, review_comment, created_at, updated_at, updated_by)
        select a.province_id, (md5(t.code || a.unit_id || p.code))::uuid::text, a.plan_id, a.task_id, a.unit_id, p.code,
          case when h.v % 100 < 14 then 'draft' when h.v % 3 = 0 then 'accepted' else 'submitted' end,
          case when q.progress >= 100 then 'done' when q.progress = 0 then 'not-started' else 'in-progress' end,
          q.progress, 'Đã triển khai theo kế hoạch; kết quả quý ' || p.code || '.', 1,
          case when q.progress >= 100 then p.cutoff_end end,
          case when h.v % 100 < 14 then null
               when h.v % 100 < 30 then (p.due_on + (1 + h.v % 20))::timestamptz
               else (p.due_on - (h.v % 10))::timestamptz end,
          case when h.v % 100 >= 14 and h.v % 3 = 0 then (p.due_on + 25)::timestamptz end,
          null, null, p.cutoff_start::timestamptz, (p.due_on + 30)::timestamptz, null
        from assignments a
        join tasks t on t.province_id = a.province_id and t.id = a.task_id
        join periods p on p.plan_id = a.plan_id
        cross join lateral (select ('x' || substr(md5(t.code || a.unit_id || p.code), 1, 7))::bit(28)::int as v) h
        cross join lateral (select least(100, (extract(year from p.cutoff_end)::int - 2020) * 15 + (h.v % 40))::double precision as progress) q
        where a.province_id = ${provinceId} and a.role = 'lead' and h.v % 100 >= 6`)
      await tx.execute(sql`
        insert into report_versions (province_id, report_id, version, action, status, snapshot, actor_id, at)
        select r.province_id, r.id, 1, case when r.status = 'draft' then 'save' else 'submit' end, r.status,
          jsonb_build_object('id', r.id, 'planId', r.plan_id, 'taskId', r.task_id, 'unitId', r.unit_id, 'periodId', r.period_id,
            'status', r.status, 'workStatus', r.work_status, 'progress', r.progress, 'narrative', r.narrative, 'version', 1),
          null, r.updated_at
        from reports r where r.province_id = ${provinceId}`)
      await tx.execute(sql`
        insert into audit_log (province_id, id, at, actor_id, action, entity, entity_id, before, after, request_id)
        select r.province_id, (md5('audit:' || r.id))::uuid::text, r.updated_at, null,
          case when r.status = 'draft' then 'save' else 'submit' end, 'report', r.id, null,
          jsonb_build_object('status', r.status, 'progress', r.progress, 'version', 1), null
        from reports r where r.province_id = ${provinceId}`)
    })
    progress('reports', ++done, register.length)
  }
  for (const [i, definition] of definitions.entries()) {
    // Sorted in memory: with the server's default (64 MB) a national index's sort spills to disk.
    await store.db.transaction(async (tx) => {
      await tx.execute(sql`set local maintenance_work_mem = '256MB'`)
      await tx.execute(sql.raw(definition))
    })
    progress('indexes', i + 1, definitions.length)
  }

  // Every province's scores, one per year: a total and a rank.
  await store.db.execute(sql`
    insert into scores (id, unit_id, index, framework_id, year, total, rank, result, created_at, updated_at)
    select md5('score:' || u.id || y)::uuid::text, u.id, 'papi', 'papi-2018', y,
      round((38 + (('x' || substr(md5(u.id || y), 1, 6))::bit(24)::int % 700) / 100.0)::numeric, 2)::double precision,
      null, jsonb_build_object('unitId', u.id, 'year', y, 'generated', true), ${GENERATED_AT}, ${GENERATED_AT}
    from units u cross join generate_series(${spec.years.from}::int, ${spec.years.to}::int) y
    where u.level = 'province'`)
  await store.db.execute(sql`
    update scores s set rank = r.rank from (
      select id, rank() over (partition by year order by total desc)::int as rank from scores) r where r.id = s.id`)
  await store.db.execute(sql`analyze`)
  progress('analyze', 1, 1)

  const count = async (table: string) => {
    const result = await store.db.execute(sql.raw(`select count(*)::int as n from ${table}`))
    return ((result as unknown as { rows?: { n: number }[] }).rows ?? (result as unknown as { n: number }[]))[0]?.n ?? 0
  }
  return {
    scale: options.scale,
    units: await count('units'),
    plans: await count('plans'),
    tasks: await count('tasks'),
    assignments: await count('assignments'),
    reports: await count('reports'),
    seconds: (performance.now() - started) / 1000,
    rootUnitId: root.id,
    provinceUnitIds: register.map((p) => stableId(`unit:${p.code}`)),
  }
}

/** A progress bar on stderr: `reports [#######·········] 12/34`. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  let last = ''
  return (phase: string, done: number, total: number) => {
    const width = 24
    const filled = Math.round((done / Math.max(total, 1)) * width)
    const line = `${phase.padEnd(8)} [${'#'.repeat(filled)}${'·'.repeat(width - filled)}] ${done}/${total}`
    if (line === last) return
    last = line
    if (stream.isTTY) stream.write(`\r${line}${done >= total ? '\n' : ''}`)
    else if (done >= total) stream.write(`${line}\n`)
  }
}
