import { describe, expect, it } from 'vitest'
import { MESSAGES } from '../i18n'
import {
  planImportReducer,
  previewLines,
  revisionLines,
  revisionOf,
  type ImportPreview,
  type PlanImportState,
  type RevisionPreview,
  type StoredRevisionAnswer,
} from './plan-import-reducer'

const preview: ImportPreview = {
  number: '97/KH-UBND',
  title: 'PAPI 2018',
  sections: 6,
  tasks: 31,
  warnings: ['Dòng 40: không rõ thời hạn'],
}
const run = (events: Parameters<typeof planImportReducer>[1][], state: PlanImportState = { step: 'idle' }) =>
  events.reduce(planImportReducer, state)

describe('planImportReducer', () => {
  it('goes from the file through the preview to the stored plan', () => {
    const states = [
      { type: 'start', file: 'kh.txt', scopeUnitId: 'kg' },
      { type: 'dryRun', preview },
      { type: 'confirm' },
      { type: 'stored', number: '97/KH-UBND' },
    ] as const
    expect(run([states[0], states[1]])).toMatchObject({ step: 'preview', preview })
    expect(run([...states])).toEqual({ step: 'done', number: '97/KH-UBND' })
  })
  it('stores nothing without the preview being confirmed', () => {
    expect(run([{ type: 'start', file: 'kh.txt', scopeUnitId: 'kg' }, { type: 'confirm' }])).toMatchObject({ step: 'reading' })
    expect(run([{ type: 'start', file: 'kh.txt', scopeUnitId: 'kg' }, { type: 'dryRun', preview }, { type: 'cancel' }])).toEqual({
      step: 'idle',
    })
  })
  it('never stores a document that is no plan', () => {
    const broken = { ...preview, problem: 'thiếu số hiệu' }
    expect(
      run([{ type: 'start', file: 'x.txt', scopeUnitId: 'kg' }, { type: 'dryRun', preview: broken }, { type: 'confirm' }]),
    ).toMatchObject({ step: 'preview' })
  })
  it('lists the header, the counts, the problem and every warning', () => {
    expect(previewLines({ ...preview, problem: 'p' }, '6 mục')).toEqual([
      '97/KH-UBND — PAPI 2018',
      '6 mục',
      '! p',
      '• Dòng 40: không rõ thời hạn',
    ])
  })
})

// The dry run's `stored` for 97/KH-UBND re-imported with task 2.6 led by Sở Nội vụ, and four
// communes gaining a new task 2.7 alike.
const stored: StoredRevisionAnswer = {
  number: '97/KH-UBND',
  outcome: 'updated',
  revision: {
    basedOn: { version: 3, status: 'published' },
    tasks: [
      { code: '2.6', title: 'Tập huấn đất đai', change: 'updated' },
      { code: '2.7', title: 'Công khai giá đất', change: 'added' },
      { code: '3.1', title: 'Tiếp công dân', change: 'kept' },
    ],
    units: [
      { unitName: 'Sở Nội vụ', gained: [{ taskCode: '2.6', role: 'lead' }], lost: [], kept: [] },
      {
        unitName: 'Sở Tài nguyên và Môi trường',
        gained: [],
        lost: [{ taskCode: '2.6', role: 'lead' }],
        kept: [],
      },
      ...['A', 'B', 'C', 'D'].map((x) => ({
        unitName: `UBND xã ${x}`,
        gained: [{ taskCode: '2.7', role: 'coordinator' as const }],
        lost: [],
        kept: [],
      })),
    ],
  },
}

describe('a re-imported plan (revision)', () => {
  const revision = revisionOf(stored) as RevisionPreview
  it('reads the dry run’s stored part, and nothing for a new plan', () => {
    expect(revision).toMatchObject({ number: '97/KH-UBND', status: 'published', version: 3, changed: true })
    expect(revisionOf(undefined)).toBeUndefined()
  })

  it('stores a revision against the version it was shown from', () => {
    const states = run([
      { type: 'start', file: 'kh.txt', scopeUnitId: 'kg' },
      { type: 'dryRun', preview: { ...preview, revision } },
      { type: 'confirm' },
    ])
    expect(states).toEqual({ step: 'storing', file: 'kh.txt', scopeUnitId: 'kg', version: 3 })
  })

  it('has nothing to store when the document says what is stored', () => {
    const same = { ...revision, changed: false }
    expect(
      run([
        { type: 'start', file: 'kh.txt', scopeUnitId: 'kg' },
        { type: 'dryRun', preview: { ...preview, revision: same } },
        { type: 'confirm' },
      ]),
    ).toMatchObject({
      step: 'preview',
    })
  })

  it('lists the counts, each task and each unit’s change, units changing alike on one line', () => {
    expect(revisionLines(revision, MESSAGES.vi, 'Đã ban hành')).toEqual([
      'Kế hoạch 97/KH-UBND đã có (Đã ban hành, phiên bản 3). Xác nhận sẽ sửa như sau:',
      'Nhiệm vụ: 1 thêm, 1 sửa, 0 bỏ, 1 giữ lại (đã có báo cáo) · 6 đơn vị đổi việc.',
      '',
      'Nhiệm vụ thay đổi:',
      '~ 2.6  Tập huấn đất đai — sửa',
      '+ 2.7  Công khai giá đất — thêm',
      '= 3.1  Tiếp công dân — giữ lại (đã có báo cáo)',
      '',
      'Đơn vị thay đổi việc:',
      '• Sở Nội vụ: nhận 2.6 (chủ trì)',
      '• Sở Tài nguyên và Môi trường: thôi 2.6 (chủ trì)',
      '• UBND xã A, UBND xã B và 2 đơn vị khác: nhận 2.7 (phối hợp)',
    ])
  })

  it('says it in English, with no Vietnamese word but the plan’s own', () => {
    const lines = revisionLines(revision, MESSAGES.en, 'Published')
    expect(lines.slice(0, 2)).toEqual([
      'Plan 97/KH-UBND is stored (Published, version 3). Confirming changes it:',
      'Tasks: 1 added, 1 changed, 0 removed, 1 kept (reported on) · 6 units affected.',
    ])
    expect(lines).toContain('• UBND xã A, UBND xã B and 2 more units: gains 2.7 (coordinating)')
    expect(lines).toContain('= 3.1  Tiếp công dân — kept (reported on)')
    expect(revisionLines({ ...revision, changed: false }, MESSAGES.en, 'Published')).toEqual([
      'Plan 97/KH-UBND is stored (Published, version 3).',
      'The document says exactly what is stored: nothing changes.',
    ])
  })
})
