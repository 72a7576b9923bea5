import { describe, expect, it } from 'vitest'
import { PlanSchema, type Plan } from './plan'
import {
  PLAN_VIEW_STATUSES,
  PlanViewSchema,
  listedIn,
  provinceChangeError,
  publishError,
  replacementError,
  reportingError,
} from './plan-lifecycle'

// Kiên Giang 97/KH-UBND 2018, two tasks of its appendix.
const draft: Plan = PlanSchema.parse({
  number: '97/KH-UBND',
  title: 'Kế hoạch hành động nâng cao Chỉ số PAPI tỉnh Kiên Giang năm 2018',
  issuer: 'Ủy ban nhân dân tỉnh Kiên Giang',
  issuedOn: '2018-05-18',
  index: 'papi',
  years: { from: 2018, to: 2018 },
  sections: [
    {
      code: '1',
      title: 'Tham gia của người dân ở cấp cơ sở',
      tasks: [
        {
          code: '1.3',
          title: 'Công khai các khoản đóng góp tự nguyện tại địa phương',
          lead: [{ text: 'UBND cấp xã', unitClass: 'commune-committees' }],
          timeframe: { kind: 'ongoing', text: 'Thường xuyên' },
        },
        {
          code: '1.4',
          title: 'Tổ chức bầu trưởng ấp, khu phố',
          lead: [{ text: 'UBND cấp huyện', unitClass: 'district-committees' }],
          timeframe: { kind: 'ongoing', text: 'Thường xuyên' },
        },
      ],
    },
  ],
})
const published: Plan = { ...draft, status: 'published' }
const section = draft.sections[0] as Plan['sections'][number]
const withSections = (tasks: Plan['sections'][number]['tasks']): Plan => ({ ...published, sections: [{ ...section, tasks }] })
const [t13, t14] = section.tasks as [Plan['sections'][number]['tasks'][number], Plan['sections'][number]['tasks'][number]]

describe('which views list a plan', () => {
  it.each([
    ['plans', 'draft', true],
    ['plans', 'published', true],
    ['reporting', 'draft', false],
    ['reporting', 'published', true],
    ['dashboard', 'draft', false],
    ['dashboard', 'published', true],
  ] as const)('%s lists a %s plan: %s', (view, status, listed) => {
    expect(listedIn(view, status)).toBe(listed)
  })

  it('names the statuses of every view', () => {
    expect(Object.keys(PLAN_VIEW_STATUSES).sort()).toEqual([...PlanViewSchema.options].sort())
  })
})

describe('reportingError', () => {
  it('files reports on a published plan only', () => {
    expect(reportingError(published)).toBeUndefined()
    expect(reportingError(draft)).toMatchObject({ code: 'not-published' })
  })
})

describe('publishError', () => {
  it('publishes a plan once', () => {
    expect(publishError(draft)).toBeUndefined()
    expect(publishError(published)).toMatchObject({ code: 'already-published' })
  })
})

describe('provinceChangeError', () => {
  it.each([
    ['a draft', draft, false, undefined],
    ['a draft already reported on', draft, true, 'province-change'],
    ['a published plan', published, false, 'province-change'],
  ] as const)('%s: %s', (_, plan, hasReports, code) => {
    expect(provinceChangeError(plan, { hasReports })?.code).toBe(code)
  })
})

describe('replacementError', () => {
  it.each<[string, Plan, Plan, boolean, string | undefined]>([
    ['a draft changes in full', draft, { ...draft, sections: [] }, false, undefined],
    ['a draft moves province', draft, draft, true, undefined],
    [
      'a published plan changes its header',
      published,
      { ...published, title: 'Kế hoạch (sửa đổi)', goals: ['Tăng 5 bậc'] },
      false,
      undefined,
    ],
    ['a published plan drops a task', published, withSections([t13]), false, 'structure-frozen'],
    ['a published plan renames a task', published, withSections([t13, { ...t14, title: 'Bầu trưởng ấp' }]), false, 'structure-frozen'],
    [
      'a published plan reassigns a task',
      published,
      withSections([t13, { ...t14, lead: [{ text: 'Sở Nội vụ' }] }]),
      false,
      'structure-frozen',
    ],
    ['a published plan moves province', published, published, true, 'province-change'],
    [
      // The store keeps assignees as jsonb, which gives their keys back sorted ("name" before "text"):
      // the plan read back and sent again is the same plan (PUT to link a parent plan was refused).
      'a published plan sent back with its assignees’ keys in another order',
      withSections([
        t13,
        { ...t14, lead: [{ text: 'UBND cấp huyện', name: 'Ủy ban nhân dân cấp huyện', unitClass: 'district-committees' }] },
      ]),
      withSections([
        t13,
        { ...t14, lead: [{ unitClass: 'district-committees', name: 'Ủy ban nhân dân cấp huyện', text: 'UBND cấp huyện' }] },
      ]),
      false,
      undefined,
    ],
  ])('%s', (_, before, next, provinceChanged, code) => {
    expect(replacementError(before, next, { provinceChanged })?.code).toBe(code)
  })
})
