import { PlanSchema } from '@papi/domain'
import { describe, expect, it } from 'vitest'
import { SEED_FILES, seedBytes } from './internal/seed-fixtures'
import { isPlanDocumentError } from './plan-document-error'
import type { PlanImport } from './plan-import'
import { readPlanDocument } from './read-plan-document'
import { toPlan } from './to-plan'

const read = (name: keyof typeof SEED_FILES) => readPlanDocument({ fileName: SEED_FILES[name], data: seedBytes(name) })

describe('toPlan', () => {
  it.each(Object.keys(SEED_FILES) as Array<keyof typeof SEED_FILES>)('turns the %s seed into a valid draft plan', async (name) => {
    const imported = await read(name)
    const plan = toPlan(imported)
    expect(PlanSchema.parse(plan)).toEqual(plan)
    expect(plan.status).toBe('draft')
    expect(plan.sections.flatMap((s) => s.tasks)).toHaveLength(imported.sections.flatMap((s) => s.tasks).length)
  })

  it('keeps the header, dimensions, assignees (text, full name, class, unit) and timeframes', async () => {
    const plan = toPlan(await read('kienGiang'))
    expect(plan).toMatchObject({
      number: '97/KH-UBND',
      issuer: 'ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG',
      issuedOn: '2018-05-18',
      place: 'Kiên Giang',
      signer: 'Phạm Vũ Hồng',
      index: 'papi',
      frameworkId: 'papi-2018',
      years: { from: 2018, to: 2018 },
    })
    expect(plan.sections[0]).toMatchObject({ code: '1', dimension: 'participation' })
    expect(plan.sections[0]?.tasks[0]?.lead).toEqual([
      { text: 'Sở Nội vụ', name: 'Sở Nội vụ' },
      { text: 'UBND cấp huyện', name: 'Ủy ban nhân dân cấp huyện', unitClass: 'district-committees' },
      { text: 'UBND cấp xã', name: 'Ủy ban nhân dân cấp xã', unitClass: 'commune-committees' },
    ])
    expect(plan.sections[0]?.tasks[0]?.timeframe).toEqual({ kind: 'recurring', text: 'Định kỳ hằng quý', every: 'quarter' })
  })

  it('keeps the full name parseAssignees expands an abbreviation to, beside the plan’s own words', async () => {
    const plan = toPlan(await read('kienGiang'))
    const leads = plan.sections.flatMap((s) => s.tasks).flatMap((t) => t.lead)
    expect(leads).toContainEqual({ text: 'Sở GTVT', name: 'Sở Giao thông vận tải' })
    expect(leads).toContainEqual({ text: 'Sở GD và ĐT', name: 'Sở Giáo dục và Đào tạo' })
  })

  it('records a plan issued without a number as "Không số"', async () => {
    expect(toPlan(await read('thuaThienHue')).number).toBe('Không số')
    // "Số: /KH-UBND": the digits left blank for the day it was signed, never filled in.
    expect(toPlan(await read('ducHop'))).toMatchObject({ number: 'Không số', parentPlanNumber: '07/KH-UBND' })
  })

  it('refuses a plan without issuer or date, naming what is missing', async () => {
    const imported = await read('kienGiang')
    const incomplete: PlanImport = { ...imported, plan: { ...imported.plan, issuer: '', issuedOn: undefined } }
    try {
      toPlan(incomplete, { locale: 'en' })
      expect.unreachable()
    } catch (error) {
      expect(isPlanDocumentError(error) && error.code).toBe('incomplete-plan')
      expect((error as Error).message).toBe('The plan lacks the issuer, the date of issue and cannot be saved')
    }
  })
})
