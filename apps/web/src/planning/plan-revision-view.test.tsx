import { screen } from '@solidjs/testing-library'
import { describe, expect, it } from 'vitest'
import { renderWithI18n } from '../test/render'
import { PlanRevisionView, type StoredRevision } from './plan-revision-view'

// Kiên Giang 97/KH-UBND re-imported amended (as the revision e2e does): 2.7 added, 2.4 led by Sở
// Nội vụ instead, 2.6 dropped, 1.1 dropped but kept because Sở Nội vụ reported on it; five
// district committees gain 2.7 alike.
const stored: StoredRevision = {
  id: 'plan-kg',
  number: '97/KH-UBND',
  title: 'Kế hoạch nâng cao Chỉ số PAPI tỉnh Kiên Giang năm 2018',
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
  kept: [{ id: 't-1.1', sectionCode: '1', code: '1.1', title: 'Tăng cường công tác tuyên truyền', reports: 1 }],
  revision: {
    basedOn: { version: 3, status: 'published' },
    tasks: [
      { id: 't-1.1', sectionCode: '1', code: '1.1', title: 'Tăng cường công tác tuyên truyền', change: 'kept' },
      { id: 't-2.4', sectionCode: '2', code: '2.4', title: 'Công khai quy hoạch sử dụng đất', change: 'updated' },
      { sectionCode: '2', code: '2.7', title: 'Công khai kết quả thanh tra đất đai', change: 'added' },
      { id: 't-2.6', sectionCode: '2', code: '2.6', title: 'Tập huấn cán bộ địa chính', change: 'removed' },
    ],
    units: [
      {
        unitId: 'snv',
        unitName: 'Sở Nội vụ',
        gained: [{ taskId: 't-2.4', taskCode: '2.4', role: 'lead' }],
        lost: [],
        kept: [{ taskId: 't-1.1', taskCode: '1.1', role: 'lead' }],
      },
      {
        unitId: 'stnmt',
        unitName: 'Sở Tài nguyên và Môi trường',
        gained: [],
        lost: [{ taskId: 't-2.4', taskCode: '2.4', role: 'lead' }],
        kept: [],
      },
      ...['Rạch Giá', 'Hà Tiên', 'Châu Thành', 'Giồng Riềng', 'Tân Hiệp'].map((name, i) => ({
        unitId: `d${i}`,
        unitName: `UBND ${name}`,
        gained: [{ taskId: 't-2.7', taskCode: '2.7', role: 'coordinator' as const }],
        lost: [],
        kept: [],
      })),
    ],
    unmatched: [],
  },
}

/** Letters of Vietnamese that English has not: a label that holds one was left untranslated. */
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/iu

describe('PlanRevisionView in English', () => {
  it('says every label of the revision in English — headings, counts, columns (also as the 360 px cards name them), changes and roles', () => {
    renderWithI18n(() => <PlanRevisionView stored={stored} />, 'en')
    const view = screen.getByTestId('import-revision')
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Revision of the stored plan 97/KH-UBND')
    expect(view.textContent).toContain('This document is the stored plan 97/KH-UBND (published, version 3).')
    expect(screen.getByTestId('revision-counts').textContent).toBe(
      '1 task added, 1 changed, 1 removed, 1 kept because reported on; 7 units change assignments.',
    )
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Tasks that change',
      'Units whose assignments change',
    ])
    const headers = [...view.querySelectorAll('th')].map((th) => th.textContent)
    expect(headers).toEqual(['No.', 'Task', 'Tasks that change', 'Unit', 'Gains', 'Loses', 'Keeps (reported)'])
    // At 360 px the header row is hidden and each cell names its column from data-label.
    const cardLabels = [...view.querySelectorAll('td[data-label]')].map((td) => td.getAttribute('data-label') ?? '')
    expect(new Set(cardLabels)).toEqual(new Set(['No.', 'Task', 'Tasks that change', 'Unit', 'Gains', 'Loses', 'Keeps (reported)']))
    expect([...view.querySelectorAll('.badge')].map((b) => b.textContent)).toEqual(['Kept (reported on)', 'Changed', 'Added', 'Removed'])
    const snv = [...view.querySelectorAll('tbody tr')].find((tr) => tr.textContent?.startsWith('Sở Nội vụ'))
    expect(snv?.textContent).toContain('2.4 (lead)')
    expect(snv?.textContent).toContain('1.1 (lead)')
    // Five committees gaining 2.7 alike read as one row, its summary in English.
    expect(view.querySelector('summary')?.textContent).toBe('UBND Rạch Giá, UBND Hà Tiên and 3 more units')

    // Everything but the plan's own words (titles, unit names, the number) is English.
    const own = [
      stored.title,
      ...(stored.revision?.tasks.map((t) => t.title) ?? []),
      ...(stored.revision?.units.map((u) => u.unitName) ?? []),
    ]
    let labels = view.textContent ?? ''
    for (const words of own.sort((a, b) => b.length - a.length)) labels = labels.replaceAll(words, '')
    for (const label of [...headers, ...cardLabels]) expect(label).not.toMatch(VIETNAMESE)
    expect(labels).not.toMatch(VIETNAMESE)
  })

  it('says in English when the document changes nothing', () => {
    renderWithI18n(() => <PlanRevisionView stored={{ ...stored, outcome: 'unchanged' }} />, 'en')
    expect(screen.getByTestId('revision-counts').textContent).toBe('The document says what is stored: nothing to revise.')
    expect(screen.getByTestId('import-revision').textContent).not.toMatch(VIETNAMESE)
  })
})
