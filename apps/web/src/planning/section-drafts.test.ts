import { type Plan, PlanSchema } from '@papi/domain'
import { describe, expect, it } from 'vitest'
import { draftProblems, sectionDrafts, targetsFromText, withSectionDrafts } from './section-drafts'

// Lào Cai 165/KH-UBND (PAR INDEX 2020), content area 3 as the importer reads it: its dimension
// from the title, task 3.4's target from its text ("đạt từ 95% - 100%"); section III.1 (the
// plan's own organising tasks) serves no dimension.
const plan = PlanSchema.parse({
  number: '165/KH-UBND',
  title: 'Kế hoạch nâng cao Chỉ số cải cách hành chính tỉnh Lào Cai năm 2020',
  issuer: 'UBND tỉnh Lào Cai',
  issuedOn: '2020-06-05',
  index: 'par-index',
  frameworkId: 'par-index-2020',
  years: { from: 2020, to: 2020 },
  sections: [
    {
      code: '3',
      title: 'Cải cách thủ tục hành chính',
      dimension: 'administrative-procedures',
      tasks: [
        {
          code: '3.4',
          title: 'Kết quả giải quyết TTHC',
          timeframe: { kind: 'ongoing', text: 'Thường xuyên' },
          targets: [
            {
              metric: 'Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn',
              comparator: 'between',
              value: 95,
              valueMax: 100,
              unit: 'percent',
              text: 'đạt từ 95% - 100%',
            },
          ],
        },
        { code: '3.5', title: 'Công khai TTHC', timeframe: { kind: 'ongoing', text: 'Thường xuyên' } },
      ],
    },
    {
      code: 'III.1',
      title: 'Tổ chức thực hiện',
      tasks: [{ code: 'III.1.1', title: 'Tuyên truyền', timeframe: { kind: 'ongoing', text: 'Thường xuyên' } }],
    },
  ],
}) satisfies Plan

describe('section drafts', () => {
  it('start from what the importer read: the dimension, no weight, each task target with its numbers as a Vietnamese planner types them', () => {
    const [three, organising] = sectionDrafts(plan)
    expect(three).toMatchObject({
      code: '3',
      dimension: 'administrative-procedures',
      weight: '',
      targets: [{ taskCode: '3.4', comparator: 'between', value: '95', valueMax: '100', unit: 'percent', year: '' }],
    })
    expect(organising).toMatchObject({ code: 'III.1', dimension: '', weight: '', targets: [] })
  })

  it('store what the planner set: a dimension for III.1, weight "1,5" on 3, a corrected value (the plan’s words dropped), a target typed for 3.5', () => {
    const drafts = sectionDrafts(plan)
    const [three, organising] = drafts as [NonNullable<(typeof drafts)[0]>, NonNullable<(typeof drafts)[1]>]
    three.weight = '1,5'
    const target = three.targets[0] as NonNullable<(typeof three.targets)[0]>
    target.value = '98'
    target.edited = true
    three.targets.push(...targetsFromText('Công khai 100% thủ tục hành chính trên Cổng dịch vụ công', '3.5', 2020))
    organising.dimension = 'direction'
    expect(draftProblems(drafts)).toEqual(new Map())
    const saved = PlanSchema.parse(withSectionDrafts(plan, drafts))
    expect(saved.sections[0]).toMatchObject({
      weight: 1.5,
      dimension: 'administrative-procedures',
      tasks: [
        { code: '3.4', targets: [{ comparator: 'between', value: 98, valueMax: 100, unit: 'percent' }] },
        { code: '3.5', targets: [{ comparator: 'gte', value: 100, unit: 'percent' }] },
      ],
    })
    expect(saved.sections[0]?.tasks[0]?.targets[0]?.text).toBeUndefined()
    expect(saved.sections[1]).toMatchObject({ code: 'III.1', dimension: 'direction' })
  })

  it('leave the weight unset when emptied and a section without dimension when none is chosen', () => {
    const drafts = sectionDrafts(plan)
    ;(drafts[0] as { dimension: string }).dimension = ''
    const saved = withSectionDrafts(plan, drafts)
    expect(saved.sections[0]).not.toHaveProperty('dimension')
    expect(saved.sections[0]).not.toHaveProperty('weight')
  })

  it('refuse what the API refuses, field by field: a weight not above 0 or not a number, a target without metric, value or a year in range', () => {
    const drafts = sectionDrafts(plan)
    const three = drafts[0] as NonNullable<(typeof drafts)[0]>
    const target = three.targets[0] as NonNullable<(typeof three.targets)[0]>
    three.weight = '0'
    target.metric = ' '
    target.value = 'chín lăm'
    target.valueMax = 'x'
    target.year = '1999'
    ;(drafts[1] as { weight: string }).weight = 'hai'
    const k = target.key
    expect(draftProblems(drafts)).toEqual(
      new Map([
        [
          '3',
          new Map([
            ['weight', 'not-positive'],
            [`target:${k}:value`, 'not-a-number'],
            [`target:${k}:valueMax`, 'not-a-number'],
            [`target:${k}:metric`, 'metric-missing'],
            [`target:${k}:year`, 'year-out-of-range'],
          ]),
        ],
        ['III.1', new Map([['weight', 'not-a-number']])],
      ]),
    )
  })

  it('read nothing from a phrase that states nothing measurable', () => {
    expect(targetsFromText('Thực hiện đầy đủ, nghiêm túc', '3.5', 2020)).toEqual([])
  })
})
