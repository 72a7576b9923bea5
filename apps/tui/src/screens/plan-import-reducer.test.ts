import { describe, expect, it } from 'vitest'
import { planImportReducer, previewLines, type ImportPreview, type PlanImportState } from './plan-import-reducer'

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
