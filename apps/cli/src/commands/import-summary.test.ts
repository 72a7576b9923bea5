import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { readPlanDocument } from '@papi/documents'
import { describe, expect, it } from 'vitest'
import { formatImportSummary } from './import-summary'

const SEEDS = fileURLToPath(new URL('../../../../packages/documents/fixtures/seeds/', import.meta.url))
const read = async (file: string, locale: 'vi' | 'en' = 'vi') =>
  readPlanDocument({ fileName: file, data: await readFile(`${SEEDS}${file}`) }, { locale })

describe('formatImportSummary', () => {
  it('shows the plan, its sections with dimension and task count, in Vietnamese', async () => {
    const text = formatImportSummary(await read('kien-giang-97-KH-UBND-2018-papi.txt'), 'vi', { dryRun: true })
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Kế hoạch số 97/KH-UBND ngày 18/05/2018 — ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG (Kiên Giang)',
      'Kế hoạch hành động nâng cao chỉ số hiệu quả quản trị và hành chính công (PAPI) tỉnh Kiên Giang năm 2018 và những năm tiếp theo',
      expect.stringMatching(/^Chỉ số: .*PAPI.* · Năm: 2018 · Người ký: Phạm Vũ Hồng$/),
    ])
    expect(text).toContain('  1. Tham gia của người dân ở cấp cơ sở — Tham gia của người dân ở cấp cơ sở · 4 nhiệm vụ')
    expect(text).toContain('Không có cảnh báo.')
  })

  it('groups repeated warnings and names the tasks once, in English when asked', async () => {
    const text = formatImportSummary(await read('lao-cai-165-KH-UBND-2020-par-index.txt', 'en'), 'en', {
      dryRun: false,
      result: {
        id: 'p1',
        outcome: 'created',
        changes: {
          headerUpdated: false,
          reordered: false,
          sectionsAdded: 10,
          sectionsUpdated: 0,
          sectionsRemoved: 0,
          tasksAdded: 43,
          tasksUpdated: 0,
          tasksRemoved: 0,
        },
        kept: [],
      },
    })
    expect(text).toMatch(/The task names no time; the plan’s period \(2020\) is used ×39 \[1\.1, 1\.2,/)
    expect(text).toContain('10 sections, 43 tasks:')
    expect(text).toContain('Saved new plan p1 (draft).')
  })
})
