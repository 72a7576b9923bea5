import { describe, expect, it } from 'vitest'
import { reportFixture } from '../test/report-fixture'
import { draftFromReport, draftToInput, isEditable, parseTypedNumber } from './report-draft'

const key = { taskId: 't-2.3', unitId: 'xa-a', periodId: '2018Q2' }

describe('parseTypedNumber', () => {
  it.each([
    ['12,5', 12.5],
    ['12.5', 12.5],
    [' 90 ', 90],
  ])('reads %s as %d', (text, n) => expect(parseTypedNumber(text)).toBe(n))
  it('answers undefined for an empty field and NaN for words', () => {
    expect(parseTypedNumber('')).toBeUndefined()
    expect(parseTypedNumber('nhiều')).toBeNaN()
  })
})

describe('draftToInput', () => {
  it('builds the PUT body with KPI values and the version read', () => {
    const draft = {
      ...draftFromReport(undefined, ['on-time-rate']),
      progress: '60',
      narrative: 'Đã niêm yết',
      kpi: { 'on-time-rate': '95,5' },
    }
    const r = draftToInput(draft, { ...key, version: 3 })
    expect(r).toEqual({
      ok: true,
      input: {
        ...key,
        workStatus: 'in-progress',
        progress: 60,
        narrative: 'Đã niêm yết',
        kpiValues: [{ metric: 'on-time-rate', value: 95.5 }],
        version: 3,
      },
    })
  })
  it('refuses progress over 100 with a message on the progress field', () => {
    const r = draftToInput({ ...draftFromReport(undefined), progress: '120' }, key)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.progress).toBeDefined()
  })
  it('refuses a KPI value that is not a number', () => {
    const r = draftToInput({ ...draftFromReport(undefined, ['x']), kpi: { x: 'abc' } }, key)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.kpiValues).toBe('x')
  })
  it('names the target each KPI value is for by its id', () => {
    const targets = [{ id: 'tg-ontime', metric: 'Hồ sơ đúng hạn' }]
    const draft = { ...draftFromReport(undefined, targets), progress: '60', kpi: { 'Hồ sơ đúng hạn': '97' } }
    const r = draftToInput(draft, key, targets)
    expect(r.ok && r.input.kpiValues).toEqual([{ targetId: 'tg-ontime', metric: 'Hồ sơ đúng hạn', value: 97 }])
  })
  it('refuses "done" at 20 % on the progress field, before a round trip', () => {
    const r = draftToInput({ ...draftFromReport(undefined), workStatus: 'done', progress: '20', completedOn: '2018-06-01' }, key)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.progress).toBeDefined()
  })
  it('sends completedOn only when the work is done', () => {
    const done = draftToInput({ ...draftFromReport(undefined), workStatus: 'done', progress: '100', completedOn: '2018-06-01' }, key)
    const doing = draftToInput({ ...draftFromReport(undefined), workStatus: 'in-progress', completedOn: '2018-06-01' }, key)
    expect(done.ok && done.input.completedOn).toBe('2018-06-01')
    expect(doing.ok && 'completedOn' in doing.input).toBe(false)
  })
})

describe('draftFromReport', () => {
  it('shows a value under the target it names by id, even after the metric was reworded', () => {
    const report = reportFixture({ kpiValues: [{ targetId: 'tg-1', metric: 'old wording', value: 5 }] })
    expect(draftFromReport(report, [{ id: 'tg-1', metric: 'new wording' }]).kpi).toEqual({ 'new wording': '5' })
  })
  it('starts from the saved report', () => {
    const report = reportFixture({
      status: 'returned',
      workStatus: 'done',
      progress: 100,
      narrative: 'x',
      kpiValues: [{ metric: 'm', value: 2 }],
      version: 4,
      completedOn: '2018-06-01',
    })
    expect(draftFromReport(report, ['m', 'n'])).toEqual({
      workStatus: 'done',
      progress: '100',
      narrative: 'x',
      kpi: { m: '2', n: '' },
      completedOn: '2018-06-01',
    })
  })
})

describe('isEditable', () => {
  it.each([
    [undefined, true],
    ['draft', true],
    ['returned', true],
    ['submitted', false],
    ['accepted', false],
  ] as const)('a %s report is editable: %s', (status, yes) => expect(isEditable(status)).toBe(yes))
})
