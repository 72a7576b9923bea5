import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import * as domain from './index'
import { COMPARATOR_SYMBOLS, ENUM_LABELS, ENUM_SCHEMAS, type EnumGroup, enumLabel, enumOptions } from './enum-labels'
import { LocaleSchema } from './label'

const groups = Object.keys(ENUM_SCHEMAS) as EnumGroup[]

// Codes name failures; apps turn them into sentences with details, not into labels.
const CODES_NOT_LABELS = new Set(['PlanLifecycleErrorCodeSchema', 'ReportWorkflowErrorCodeSchema', 'ResultIssueCodeSchema'])

describe('ENUM_LABELS', () => {
  it.each(groups)('%s labels every option of its schema, in both languages, and nothing else', (group) => {
    const labels: Record<string, { vi: string; en: string }> = ENUM_LABELS[group]
    const options: readonly string[] = ENUM_SCHEMAS[group].options
    expect(Object.keys(labels).sort()).toEqual([...options].sort())
    for (const option of options) {
      for (const locale of LocaleSchema.options) {
        const text = labels[option]?.[locale] ?? ''
        expect(text.trim(), `${group}.${option}.${locale}`).not.toBe('')
        expect(text, `${group}.${option}.${locale} is NFC`).toBe(text.normalize('NFC'))
      }
    }
  })

  it.each(groups)('%s gives each option a distinct label, so a select box is unambiguous', (group) => {
    for (const locale of LocaleSchema.options) {
      const texts = enumOptions(group, locale).map((o) => o.label)
      expect(new Set(texts).size).toBe(texts.length)
    }
  })

  it('covers every enum schema the package exports', () => {
    const labelled = new Set<unknown>(Object.values(ENUM_SCHEMAS))
    const exported = Object.entries(domain).filter(([, value]) => value instanceof z.ZodEnum)
    const unlabelled = exported.filter(([name, value]) => !labelled.has(value) && !CODES_NOT_LABELS.has(name)).map(([name]) => name)
    expect(unlabelled).toEqual([])
    expect(exported.length).toBe(groups.length + CODES_NOT_LABELS.size)
  })
})

describe('enumLabel', () => {
  it.each<[EnumGroup, string, string, string]>([
    ['unitClass', 'district-committees', 'UBND cấp huyện', "District people's committees"],
    ['unitClass', 'departments', 'Các sở, ban, ngành', 'Departments and agencies'],
    ['unitClass', 'mass-organisations', 'MTTQ và các đoàn thể', 'Fatherland Front and mass organisations'],
    ['reportStatus', 'draft', 'Nháp', 'Draft'],
    ['reportStatus', 'submitted', 'Đã gửi', 'Submitted'],
    ['reportStatus', 'accepted', 'Đã chấp nhận', 'Accepted'],
    ['reportStatus', 'returned', 'Bị trả lại', 'Returned'],
    ['taskOutcome', 'done-on-time', 'Hoàn thành đúng hạn', 'Done on time'],
    ['taskOutcome', 'done-late', 'Hoàn thành quá hạn', 'Done late'],
    ['taskOutcome', 'not-yet-due', 'Chưa đến hạn', 'Not yet due'],
    ['taskOutcome', 'overdue', 'Quá hạn', 'Overdue'],
    ['timeframeKind', 'ongoing', 'Thường xuyên', 'Ongoing'],
    ['comparator', 'gte', '≥ (từ … trở lên)', '≥ (at least)'],
    ['targetState', 'unknown', 'Chưa có số liệu', 'No data yet'],
    ['band', 'low-average', 'Trung bình thấp', 'Low average'],
  ])('%s.%s → %s / %s', (group, value, vi, en) => {
    expect(enumLabel(group, value as never, 'vi')).toBe(vi)
    expect(enumLabel(group, value as never, 'en')).toBe(en)
  })

  it('answers in Vietnamese by default', () => {
    expect(enumLabel('periodType', 'half-year')).toBe('6 tháng')
  })

  it('shows a value it does not know as it is (untyped data), rather than nothing', () => {
    expect(enumLabel('reportStatus', 'archived' as never)).toBe('archived')
  })
})

describe('enumOptions', () => {
  it('lists values in the schema order with their labels', () => {
    expect(enumOptions('reportStatus')).toEqual([
      { value: 'draft', label: 'Nháp' },
      { value: 'submitted', label: 'Đã gửi' },
      { value: 'accepted', label: 'Đã chấp nhận' },
      { value: 'returned', label: 'Bị trả lại' },
    ])
  })
})

describe('COMPARATOR_SYMBOLS', () => {
  it.each([
    ['gte', '≥'],
    ['lte', '≤'],
    ['eq', '='],
    ['rank-lte', '≤'],
  ] as const)('%s → %s', (comparator, symbol) => {
    expect(COMPARATOR_SYMBOLS[comparator]).toBe(symbol)
  })
})
