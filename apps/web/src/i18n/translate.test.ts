import { describe, expect, it } from 'vitest'
import { planningText } from '../planning/planning-messages'
import { MESSAGES } from './messages'
import { interpolate, pluralForm } from './translate'

describe('interpolate', () => {
  it('fills named placeholders', () => {
    expect(interpolate('{count} đơn vị chưa nộp', { count: 3 })).toBe('3 đơn vị chưa nộp')
  })
  it('leaves unknown placeholders visible', () => {
    expect(interpolate('Hạn {deadline}', {})).toBe('Hạn {deadline}')
  })
  it('returns the message as is without params', () => {
    expect(interpolate('Đăng nhập')).toBe('Đăng nhập')
  })
})

describe('plurals (ICU `{n, plural, …}`, forms by Intl.PluralRules)', () => {
  const tasks = '{count, plural, one {# task} other {# tasks}}'
  it('says one or other in English by the count', () => {
    expect(interpolate(tasks, { count: 1 }, 'en')).toBe('1 task')
    expect(interpolate(tasks, { count: 2 }, 'en')).toBe('2 tasks')
    expect(interpolate(tasks, { count: 0 }, 'en')).toBe('0 tasks')
  })
  it('knows Vietnamese has a single form', () => {
    expect(pluralForm('vi', 1)).toBe('other')
    expect(pluralForm('en', 1)).toBe('one')
    expect(interpolate('{count, plural, other {# nhiệm vụ}}', { count: 1 }, 'vi')).toBe('1 nhiệm vụ')
  })
  it('prefers an exact =N branch, and fills placeholders inside a branch', () => {
    const named = '{count, plural, =1 {once} other {# times}} in {plan}'
    expect(interpolate(named, { count: 1, plan: '97/KH' }, 'en')).toBe('once in 97/KH')
    expect(interpolate(named, { count: 3, plan: '97/KH' }, 'en')).toBe('3 times in 97/KH')
  })
  it('keeps a plural whose count is missing visible', () => {
    expect(interpolate(tasks, {}, 'en')).toBe(tasks)
  })
})

describe('English texts that put a count before a noun', () => {
  it('read right with 1 and 2 on the planner screens', () => {
    expect(planningText('en', 'import.fixUses', { count: 1, tasks: '2.6' })).toBe('Named once: task 2.6')
    expect(planningText('en', 'import.fixUses', { count: 2, tasks: '2.6, 3.1' })).toBe('Named 2 times: tasks 2.6, 3.1')
    expect(planningText('en', 'revision.counts', { added: 1, updated: 0, removed: 0, kept: 0, units: 1 })).toBe(
      '1 task added, 0 changed, 0 removed, 0 kept because reported on; 1 unit changes assignments.',
    )
    expect(planningText('en', 'revision.counts', { added: 2, updated: 1, removed: 0, kept: 0, units: 2 })).toBe(
      '2 tasks added, 1 changed, 0 removed, 0 kept because reported on; 2 units change assignments.',
    )
    expect(planningText('en', 'import.summary', { sections: 1, tasks: 1, warnings: 1 })).toBe('1 section, 1 task, 1 point to review.')
    expect(planningText('en', 'import.summary', { sections: 2, tasks: 2, warnings: 2 })).toBe('2 sections, 2 tasks, 2 points to review.')
    expect(planningText('en', 'revision.unitGroup', { first: 'Sở Nội vụ', count: 1 })).toBe('Sở Nội vụ and 1 more unit')
  })
  it('read right with 1 and 2 on the dashboard', () => {
    expect(interpolate(MESSAGES.en['plans.tasks'], { count: 1 }, 'en')).toBe('1 task')
    expect(interpolate(MESSAGES.en['plans.tasks'], { count: 2 }, 'en')).toBe('2 tasks')
    expect(interpolate(MESSAGES.en['reporting.ledByMore'], { units: 'Sở Nội vụ', count: 1 }, 'en')).toBe('Lead: Sở Nội vụ and 1 more unit')
  })
  it('leave the Vietnamese texts as they were', () => {
    expect(planningText('vi', 'import.fixUses', { count: 1, tasks: '2.6' })).toBe('Ghi ở 1 chỗ: nhiệm vụ 2.6')
    expect(planningText('vi', 'revision.counts', { added: 1, updated: 2, removed: 0, kept: 0, units: 1 })).toBe(
      '1 nhiệm vụ thêm, 2 nhiệm vụ sửa, 0 nhiệm vụ bỏ, 0 nhiệm vụ giữ lại vì đã có báo cáo; 1 đơn vị thay đổi phân công.',
    )
    expect(interpolate(MESSAGES.vi['plans.tasks'], { count: 1 }, 'vi')).toBe(interpolate(MESSAGES.vi['plans.tasks'], { count: 1 }))
  })
})
