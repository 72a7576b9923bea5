import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { readPlanDocument, type PlanImport } from '@papi/documents'
import type { Plan, Unit } from '@papi/domain'
import type { PlanImportResult } from '@papi/store'
import { describe, expect, it } from 'vitest'
import { CommandError } from '../command-error'
import { runImport, type CommandIo } from './import'

const SEEDS = fileURLToPath(new URL('../../../../packages/documents/fixtures/seeds/', import.meta.url))
const KIEN_GIANG = `${SEEDS}kien-giang-97-KH-UBND-2018-papi.txt`
const HUE = `${SEEDS}thua-thien-hue-2024-papi-news.txt`

interface Captured {
  io: CommandIo
  stdout: () => string
  stderr: () => string
  saved: Plan[]
  storeOpened: () => boolean
}

const UPDATED: PlanImportResult = {
  id: 'plan-1',
  outcome: 'updated',
  changes: {
    headerUpdated: false,
    reordered: false,
    sectionsAdded: 0,
    sectionsUpdated: 0,
    sectionsRemoved: 0,
    tasksAdded: 1,
    tasksUpdated: 1,
    tasksRemoved: 1,
  },
  kept: [{ id: 't13', sectionCode: '1', code: '1.3', title: 'Công khai các khoản đóng góp', reports: 2 }],
}

function capture(options: { units?: Unit[]; tty?: boolean; result?: PlanImportResult } = {}): Captured {
  let out = ''
  let err = ''
  let opened = false
  const saved: Plan[] = []
  const files: Record<string, string> = {}
  return {
    io: {
      stdout: (text) => {
        out += text
      },
      stderr: (text) => {
        err += text
      },
      stderrIsTty: options.tty ?? false,
      readFile: async (path) => (files[path] ? new TextEncoder().encode(files[path]) : new Uint8Array(await readFile(path))),
      openStore: async () => {
        opened = true
        return {
          units: async () => options.units ?? [],
          importPlan: async (plan, onProgress) => {
            saved.push(plan)
            onProgress?.({ phase: 'save', done: 0, total: 31 })
            onProgress?.({ phase: 'save', done: 31, total: 31 })
            return options.result ?? { ...UPDATED, outcome: 'created', kept: [] }
          },
          close: async () => {},
        }
      },
    },
    stdout: () => out,
    stderr: () => err,
    saved,
    storeOpened: () => opened,
  }
}

describe('papi import', () => {
  it('--dry-run --json prints exactly one JSON document, the plan as read, and touches no store', async () => {
    const c = capture()
    expect(await runImport([KIEN_GIANG, '--dry-run', '--json'], c.io)).toBe(0)
    const printed = JSON.parse(c.stdout()) as PlanImport
    const expected = await readPlanDocument({ fileName: 'kien-giang-97-KH-UBND-2018-papi.txt', data: await readFile(KIEN_GIANG) })
    expect(printed).toEqual(JSON.parse(JSON.stringify(expected)))
    expect(c.stderr()).toBe('')
    expect(c.storeOpened()).toBe(false)
  })

  it('--dry-run prints a readable Vietnamese summary; --lang en prints English', async () => {
    const vi = capture()
    await runImport([KIEN_GIANG, '--dry-run'], vi.io)
    expect(vi.stdout()).toContain('6 mục, 31 nhiệm vụ:')
    expect(vi.stdout()).toContain('Chạy thử: chưa lưu gì.')
    const en = capture()
    await runImport([HUE, '--dry-run', '--lang', 'en'], en.io)
    expect(en.stdout()).toContain('8 sections, 8 tasks:')
    expect(en.stdout()).toContain('The plan’s number was not found')
  })

  it('saves the plan through the store without --dry-run; --json prints what saving did', async () => {
    const c = capture({ result: UPDATED })
    expect(await runImport([KIEN_GIANG, '--json'], c.io)).toBe(0)
    expect(c.saved).toHaveLength(1)
    expect(c.saved[0]).toMatchObject({ number: '97/KH-UBND', status: 'draft' })
    expect(JSON.parse(c.stdout())).toEqual({ id: 'plan-1', outcome: 'updated', changes: UPDATED.changes, kept: UPDATED.kept })
  })

  it.each<[string, PlanImportResult, RegExp, RegExp]>([
    [
      'created',
      { ...UPDATED, outcome: 'created', kept: [] },
      /^Đã lưu kế hoạch mới plan-1 \(bản nháp\)\.$/m,
      /^Saved new plan plan-1 \(draft\)\.$/m,
    ],
    [
      'updated',
      UPDATED,
      /^Đã cập nhật kế hoạch plan-1 \(thêm 1 nhiệm vụ, sửa 1 nhiệm vụ, xóa 1 nhiệm vụ\)\.$/m,
      /^Updated plan plan-1 \(1 task added, 1 task updated, 1 task removed\)\.$/m,
    ],
    [
      'unchanged',
      { ...UPDATED, outcome: 'unchanged', kept: [] },
      /^Kế hoạch plan-1 đã có, văn bản không thay đổi gì/m,
      /^Plan plan-1 is already stored/m,
    ],
  ])('says what saving did (%s), in Vietnamese and in English', async (_name, result, vi, en) => {
    const c = capture({ result })
    await runImport([KIEN_GIANG], c.io)
    expect(c.stdout()).toMatch(vi)
    const e = capture({ result })
    await runImport([KIEN_GIANG, '--lang', 'en'], e.io)
    expect(e.stdout()).toMatch(en)
  })

  it('lists the tasks it kept because reports were filed on them', async () => {
    const c = capture({ result: UPDATED })
    await runImport([KIEN_GIANG], c.io)
    expect(c.stdout()).toContain(
      'Giữ lại 1 nhiệm vụ văn bản không còn ghi, vì đã có báo cáo:\n  - 1.3. Công khai các khoản đóng góp (2 báo cáo)',
    )
  })

  it('matches assignees against the store’s units when saving', async () => {
    const snv: Unit = { id: 'snv', code: 'SNV', name: 'Sở Nội vụ', level: 'province', kind: 'department', parentId: null, successorIds: [] }
    const c = capture({ units: [snv] })
    await runImport([KIEN_GIANG], c.io)
    expect(c.saved[0]?.sections[0]?.tasks[0]?.lead[0]).toEqual({ text: 'Sở Nội vụ', name: 'Sở Nội vụ', unitId: 'snv' })
  })

  it('reports progress on stderr when asked, leaving stdout to the JSON', async () => {
    const c = capture()
    await runImport([KIEN_GIANG, '--dry-run', '--json', '--progress'], c.io)
    expect(c.stderr()).toContain('Nhiệm vụ: 31/31')
    expect(() => JSON.parse(c.stdout())).not.toThrow()
  })

  it('reports every phase, saving included, one line each on a pipe with --progress', async () => {
    const c = capture()
    await runImport([KIEN_GIANG, '--json', '--progress', '--lang', 'en'], c.io)
    expect(
      c
        .stderr()
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(':')[0]),
    ).toEqual(['Reading', 'Parsing', 'Tasks', 'Matching units', 'Saving'])
    expect(JSON.parse(c.stdout())).toMatchObject({ outcome: 'created' })
  })

  it('shows progress on a terminal by default, in place, and clears it before printing', async () => {
    const c = capture({ tty: true })
    await runImport([KIEN_GIANG], c.io)
    expect(c.stderr()).toContain('\r\u001b[KLưu: 31/31')
    expect(c.stderr().endsWith('\r\u001b[K')).toBe(true)
    expect(c.stdout()).not.toContain('\u001b')
    const pipe = capture()
    await runImport([KIEN_GIANG], pipe.io)
    expect(pipe.stderr()).toBe('')
  })

  it.each<[string[], number, RegExp]>([
    [['/no/such/plan.txt', '--dry-run'], 1, /không tìm thấy tệp/],
    [[`${SEEDS}../../package.json`, '--dry-run'], 1, /Không tìm thấy bảng nhiệm vụ/],
    [['plan.pdf', '--dry-run'], 1, /không tìm thấy tệp|Không hỗ trợ/],
    [[], 2, /thiếu tên tệp/],
    [[KIEN_GIANG, '--lang', 'fr'], 2, /ngôn ngữ không hỗ trợ/],
  ])('fails in one line with exit code %j → %i', async (argv, exitCode, message) => {
    const c = capture()
    const error = await runImport(argv, c.io).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CommandError)
    expect((error as CommandError).exitCode).toBe(exitCode)
    expect((error as CommandError).message).toMatch(message)
    expect((error as CommandError).message).not.toContain('\n')
    expect(c.stdout()).toBe('')
  })

  it('refuses to save a plan that lacks what a plan needs (a bare task list has no issuer or date)', async () => {
    const c = capture()
    const csv = `${SEEDS}../bare-tasks.csv`
    const io: CommandIo = {
      ...c.io,
      readFile: async (path) =>
        path === csv
          ? new TextEncoder().encode('STT;Nhiệm vụ;Đơn vị chủ trì;Thời gian\n1;Rà soát TTHC;Sở Nội vụ;Thường xuyên\n')
          : c.io.readFile(path),
    }
    const error = await runImport([csv], io).catch((e: unknown) => e)
    expect(error).toMatchObject({ exitCode: 1, message: expect.stringContaining('chưa lưu được') })
    expect(c.saved).toEqual([])
  })
})
