// Plan imports as planners make them: the seed plans (.txt) and a generated plan of many tasks as
// .docx and .xlsx, uploaded to `POST /api/v1/plans/import` (the dry run the import page shows,
// then the confirm that stores it), against the same upload read by bare Hono with the bare
// library (JSZip's document.xml, exceljs's rows, the text's lines) — plus, for the confirm, one
// INSERT of those rows. What papi adds on top (recognising the plan's header, sections and tasks,
// matching names to units, the revision against a stored plan, storing tasks and assignments in
// one transaction) is the ratio.
import { readdirSync, readFileSync } from 'node:fs'
import { DOCUMENT_LIMITS } from '@papi/documents'
import { kienGiangParts, type PlanParts, planPartsDocx, planPartsXlsx } from '@papi/documents/testing'
import { PLAN_LIMITS } from '@papi/domain'
import { type BenchDataset, type Kit, stat } from './kit'

/** Departments every scale of the generated dataset has under each province (its first five). */
const LEADS = ['Sở Nội vụ', 'Sở Tư pháp', 'Sở Tài chính', 'Sở Xây dựng', 'Sở Nông nghiệp và Môi trường']
const SECTION_TITLES = [
  'Tham gia của người dân ở cấp cơ sở',
  'Công khai, minh bạch trong việc ra quyết định ở địa phương',
  'Trách nhiệm giải trình với người dân',
  'Kiểm soát tham nhũng trong khu vực công',
  'Thủ tục hành chính công',
  'Cung ứng dịch vụ công',
  'Quản trị môi trường',
  'Quản trị điện tử',
]
const TOPICS = [
  'công khai thông tin',
  'tiếp nhận phản ánh',
  'giải quyết thủ tục hành chính',
  'dịch vụ công trực tuyến',
  'đối thoại với người dân',
]
const TIMES = ['Thường xuyên', 'Định kỳ hằng quý', 'Năm 2025', 'Quý II/2025', 'Trước ngày 30/6 hằng năm']

/**
 * A plan of `tasks` tasks in Kiên Giang 97/KH-UBND's layout (its header and prose, numbered
 * `<tasks>/KH-UBND` so it never revises the seed), sections of at most 100 tasks; every tenth
 * task led by "UBND cấp xã" (it expands to every commune of the scope), the others by a
 * department. Deterministic: the same `tasks`, the same document.
 */
export function generatedPlanParts(tasks: number): PlanParts {
  const seed = kienGiangParts()
  const header = seed.header.map(([left, right]) => [
    left.map((l) => l.replace(/^Số:.*$/, `Số: ${tasks}/KH-UBND`)),
    right,
  ]) as PlanParts['header']
  const [head = []] = seed.table
  const table: string[][] = [head]
  const perSection = 100
  for (let s = 0; s * perSection < tasks; s++) {
    table.push([String(s + 1), SECTION_TITLES[s % SECTION_TITLES.length] as string])
    for (let k = 0; k < perSection && s * perSection + k < tasks; k++) {
      const i = s * perSection + k
      const code = `${s + 1}.${k + 1}`
      table.push([
        code,
        `Nhiệm vụ ${code}: nâng cao chất lượng ${TOPICS[i % TOPICS.length]} tại các cơ quan, đơn vị (${i + 1})`,
        i % 10 === 0 ? 'UBND cấp xã' : (LEADS[i % LEADS.length] as string),
        LEADS[(i + 2) % LEADS.length] as string,
        TIMES[i % TIMES.length] as string,
      ])
    }
  }
  return { header, body: seed.body, table }
}

export interface ImportFigureOptions {
  /**
   * Tasks of the generated plan. Over PLAN_LIMITS.tasks (a plan holds at most 2,000), papi refuses
   * the document (413): its refusal is timed, and a plan at the limit is imported instead.
   */
  tasks: number
  runs: number
  seconds: number
}

interface Upload {
  name: string
  data: Uint8Array
}

const SEEDS_DIR = new URL('../../packages/documents/fixtures/seeds/', import.meta.url)

function seedUploads(): Upload[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, data: new Uint8Array(readFileSync(new URL(name, SEEDS_DIR))) }))
}

function form(file: Upload): FormData {
  const body = new FormData()
  body.set('file', new Blob([file.data as Uint8Array<ArrayBuffer>]), file.name)
  return body
}

/** Measures `fn`'s timed part (it returns ms) `runs` times, or at least three times until `seconds` run out. */
async function timed(fn: () => Promise<number>, runs: number, seconds: number): Promise<number[]> {
  const out: number[] = []
  const deadline = performance.now() + seconds * 1000
  while (out.length < runs && (out.length < 3 || performance.now() < deadline)) out.push(await fn())
  return out
}

export async function importFigures(kit: Kit, ds: BenchDataset, opts: ImportFigureOptions): Promise<void> {
  const tasks = Math.min(opts.tasks, PLAN_LIMITS.tasks)
  const refusedTasks = opts.tasks > PLAN_LIMITS.tasks ? opts.tasks : undefined
  const started = performance.now()
  const parts = generatedPlanParts(tasks)
  const generated: Upload[] = [
    { name: `ke-hoach-${tasks}-nhiem-vu.docx`, data: await planPartsDocx(parts) },
    { name: `ke-hoach-${tasks}-nhiem-vu.xlsx`, data: await planPartsXlsx(parts) },
  ]
  const refused: Upload[] = []
  if (refusedTasks) {
    const over = generatedPlanParts(refusedTasks)
    refused.push(
      { name: `ke-hoach-${refusedTasks}-nhiem-vu.docx`, data: await planPartsDocx(over) },
      { name: `ke-hoach-${refusedTasks}-nhiem-vu.xlsx`, data: await planPartsXlsx(over) },
    )
  }
  kit.log(
    `import documents written in ${((performance.now() - started) / 1000).toFixed(1)} s: ${[...generated, ...refused].map((u) => `${u.name} ${(u.data.length / 1024).toFixed(0)} KiB`).join(', ')}`,
  )
  const seeds = seedUploads()
  const scopeUnitId = ds.info.provinceUnitIds[0] as string
  const auth = { authorization: `Bearer ${ds.info.token}` }

  // --- the floor: bare Hono reading the same uploads with the bare libraries
  type Times = { preview: number[]; confirm: number[] }
  const floors = new Map<string, Times>()
  const bare = await kit.startServer('bare', ds.env)
  try {
    const read = async (files: Upload[], insert: boolean) => {
      const t = performance.now()
      for (const file of files) {
        const res = await fetch(`${bare.url}/bench/read-document${insert ? '?insert=1' : ''}`, { method: 'POST', body: form(file) })
        if (!res.ok) throw new Error(`bare read of ${file.name}: ${res.status} ${await res.text()}`)
        await res.arrayBuffer()
      }
      return performance.now() - t
    }
    // Warm-up: JSZip and exceljs load with the first upload of their kind.
    await read([...seeds, ...generated, ...refused], true)
    for (const [key, files] of [['seeds', seeds], ...generated.map((g) => [g.name, [g]]), ...refused.map((r) => [r.name, [r]])] as [
      string,
      Upload[],
    ][]) {
      // Floors take milliseconds: more runs, for a steadier floor.
      floors.set(key, {
        preview: await timed(() => read(files, false), Math.max(opts.runs, 10), opts.seconds),
        confirm: await timed(() => read(files, true), Math.max(opts.runs, 10), opts.seconds),
      })
    }
  } finally {
    await bare.stop()
  }

  // --- papi: the import page's two calls
  const papi = await kit.startServer('papi', ds.env)
  const url = (confirm: boolean) =>
    `${papi.url}/api/v1/plans/import?scopeUnitId=${encodeURIComponent(scopeUnitId)}${confirm ? '&confirm=true' : ''}`
  const post = async (file: Upload, confirm: boolean, expect: number[]) => {
    const res = await fetch(url(confirm), { method: 'POST', headers: auth, body: form(file) })
    const text = await res.text()
    if (!expect.includes(res.status))
      throw new Error(`import ${confirm ? 'confirm' : 'dry run'} of ${file.name}: ${res.status} ${text.slice(0, 300)}`)
    return JSON.parse(text) as { id?: string; import?: { sections: { tasks: unknown[] }[] }; stored?: { id: string } }
  }
  /** A confirmed plan is deleted (untimed), so the next run creates it again rather than finding it unchanged. */
  const remove = async (id: string) => {
    const plan = (await (await fetch(`${papi.url}/api/v1/plans/${id}`, { headers: auth })).json()) as { version: number }
    const res = await fetch(`${papi.url}/api/v1/plans/${id}?version=${plan.version}`, { method: 'DELETE', headers: auth })
    if (!res.ok) throw new Error(`delete of imported plan ${id}: ${res.status} ${await res.text()}`)
  }
  try {
    const preview = async (files: Upload[]) => {
      const t = performance.now()
      for (const file of files) await post(file, false, [200])
      return performance.now() - t
    }
    const confirm = async (files: Upload[]) => {
      let ms = 0
      for (const file of files) {
        const t = performance.now()
        const result = await post(file, true, [201])
        ms += performance.now() - t
        await remove(result.id as string)
      }
      return ms
    }
    // Warm-up (the readers and the worker start with the first document). A plan a stopped run
    // confirmed and left behind is deleted: a confirm would find it unchanged instead of creating it.
    for (const file of [...seeds, ...generated]) {
      const dry = await post(file, false, [200])
      if (dry.stored) {
        kit.log(`deleting ${file.name}'s plan left by an earlier run (${dry.stored.id})`)
        await remove(dry.stored.id)
      }
    }
    // What the generated document holds, read back by papi.
    const read = await post(generated[0] as Upload, false, [200])
    const readTasks = read.import?.sections.reduce((n, s) => n + s.tasks.length, 0) ?? 0
    if (readTasks !== tasks) throw new Error(`the generated ${tasks}-task document imports as ${readTasks} tasks`)

    const figure = (name: string, key: string, kind: keyof Times, samples: number[], note: string) =>
      kit.add({
        name,
        db: ds.db,
        scale: ds.scale,
        unit: 'ms',
        papi: stat(samples),
        floor: stat(floors.get(key)?.[kind] ?? []),
        floorName:
          kind === 'preview'
            ? 'bare Hono reading the same upload with the bare library'
            : 'bare Hono reading the same upload + one INSERT of its rows',
        better: 'lower',
        note,
      })
    const seedNote = `${seeds.length} seed plans one after another: ${seeds.map((s) => s.name.replace(/\.txt$/, '')).join(', ')}`
    figure(
      'plan import dry run: the seed plans (.txt)',
      'seeds',
      'preview',
      await timed(() => preview(seeds), opts.runs, opts.seconds),
      seedNote,
    )
    figure(
      'plan import confirm: the seed plans (.txt)',
      'seeds',
      'confirm',
      await timed(() => confirm(seeds), opts.runs, opts.seconds),
      seedNote,
    )
    for (const file of generated) {
      const ext = file.name.slice(file.name.lastIndexOf('.'))
      const note = `generated plan, ${tasks} tasks, ${(file.data.length / 1024).toFixed(0)} KiB; every tenth task led by "UBND cấp xã" (one per commune of the province)`
      figure(
        `plan import dry run: ${tasks}-task ${ext}`,
        file.name,
        'preview',
        await timed(() => preview([file]), opts.runs, opts.seconds),
        note,
      )
      figure(
        `plan import confirm: ${tasks}-task ${ext}`,
        file.name,
        'confirm',
        await timed(() => confirm([file]), opts.runs, opts.seconds),
        note,
      )
    }
    for (const file of refused) {
      const ext = file.name.slice(file.name.lastIndexOf('.'))
      const refuse = async () => {
        const t = performance.now()
        await post(file, false, [413])
        return performance.now() - t
      }
      figure(
        `plan import refused (413): ${refusedTasks}-task ${ext}`,
        file.name,
        'preview',
        await timed(refuse, opts.runs, opts.seconds),
        `over the ${PLAN_LIMITS.tasks} tasks a plan may hold${ext === '.docx' ? ` and the ${DOCUMENT_LIMITS.paragraphs.toLocaleString('en')} paragraphs of a .docx (refused before parsing)` : ''}: papi answers 413 naming the limit; ${(file.data.length / 1024).toFixed(0)} KiB`,
      )
    }
  } finally {
    await papi.stop()
  }
}
