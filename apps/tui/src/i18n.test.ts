import { describe, expect, it } from 'vitest'
import { messages, plural } from './i18n'

describe('English counts in the TUI texts', () => {
  it('puts the noun in the form of its count (Intl.PluralRules)', () => {
    expect(plural(1, 'task', 'tasks')).toBe('1 task')
    expect(plural(2, 'task', 'tasks')).toBe('2 tasks')
    expect(plural(0, 'task', 'tasks')).toBe('0 tasks')
  })
  it('reads right with 1 and 2', () => {
    const en = messages('en')
    expect(en.preview(1, 1, 1)).toBe('Preview: 1 section, 1 task, 1 warning.')
    expect(en.preview(2, 2, 2)).toBe('Preview: 2 sections, 2 tasks, 2 warnings.')
    expect(en.revisionCounts(1, 0, 0, 0, 1)).toBe('Tasks: 1 added, 0 changed, 0 removed, 0 kept (reported on) · 1 unit affected.')
    expect(en.revisionUnitGroup('Sở Nội vụ', 1)).toBe('Sở Nội vụ and 1 more unit')
    expect(en.revisionUnitGroup('Sở Nội vụ', 2)).toBe('Sở Nội vụ and 2 more units')
    expect(en.unmatched(1)).toBe('1 row matched no unit:')
    expect(en.scoresPreview(1, 'PAPI', '2024')).toBe("Preview: 1 PAPI 2024 result would be stored, replacing this unit's stored one")
  })
  it('keeps the Vietnamese texts, which have one form', () => {
    const vi = messages('vi')
    expect(vi.revisionUnitGroup('Sở Nội vụ', 1)).toBe('Sở Nội vụ và 1 đơn vị khác')
    expect(vi.unmatched(1)).toBe('1 dòng không khớp đơn vị:')
  })
})
