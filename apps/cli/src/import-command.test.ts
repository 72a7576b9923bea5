import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { readPlanDocument, type PlanImport } from '@papi/documents'
import type { Plan, Unit } from '@papi/domain'
import { describe, expect, it } from 'vitest'
import { CommandError, runImport, type CommandIo } from './import-command'

const SEEDS = fileURLToPath(new URL('../../../packages/documents/fixtures/seeds/', import.meta.url))
const KIEN_GIANG = `${SEEDS}kien-giang-97-KH-UBND-2018-papi.txt`
const HUE = `${SEEDS}thua-thien-hue-2024-papi-news.txt`

interface Captured {
  io: CommandIo
  stdout: () => string
  stderr: () => string
  saved: Plan[]
  storeOpened: () => boolean
}

function capture(options: { units?: Unit[]; tty?: boolean } = {}): Captured {
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
          savePlan: async (plan) => {
            saved.push(plan)
            return 'plan-1'
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

  it('saves the plan as a draft through the store without --dry-run', async () => {
    const c = capture()
    expect(await runImport([KIEN_GIANG, '--json'], c.io)).toBe(0)
    expect(c.saved).toHaveLength(1)
    expect(c.saved[0]).toMatchObject({ number: '97/KH-UBND', status: 'draft' })
    expect(JSON.parse(c.stdout())).toMatchObject({ saved: { id: 'plan-1' } })
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
        path === csv ? new TextEncoder().encode('STT;Nhiệm vụ;Đơn vị chủ trì;Thời gian\n1;Rà soát TTHC;Sở Nội vụ;Thường xuyên\n') : c.io.readFile(path),
    }
    const error = await runImport([csv], io).catch((e: unknown) => e)
    expect(error).toMatchObject({ exitCode: 1, message: expect.stringContaining('chưa lưu được') })
    expect(c.saved).toEqual([])
  })
})
