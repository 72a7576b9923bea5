import { DEFAULT_LOCALE, PlanSchema, type Assignee, type Locale, type ParsedAssignee, type Plan } from '@papi/domain'
import { errorMessage } from './internal/messages'
import { PlanDocumentError } from './plan-document-error'
import type { PlanImport } from './plan-import'

// A plan issued without a number ("Số: /KH-UBND" left blank, a plan known from a news article)
// is recorded the way registries write it.
const NO_NUMBER = 'Không số'

/** "97/KH-UBND" has its number; "", "/KH-UBND" (the digits left blank for the signing day) does not. */
const hasDigits = (number: string) => /^\s*\d/u.test(number)

const FIELD_NAMES: Readonly<Record<'issuedOn' | 'issuer' | 'years', Readonly<Record<Locale, string>>>> = {
  issuedOn: { vi: 'ngày ban hành', en: 'the date of issue' },
  issuer: { vi: 'cơ quan ban hành', en: 'the issuer' },
  years: { vi: 'năm thực hiện', en: 'the years it covers' },
}

function assignee(a: ParsedAssignee): Assignee {
  return {
    text: a.text,
    name: a.name,
    ...(a.unitClass ? { unitClass: a.unitClass } : {}),
    ...(a.unitId ? { unitId: a.unitId } : {}),
  }
}

/**
 * Turns a reviewed import into a domain plan (status `draft`) ready to save. Throws a
 * {@link PlanDocumentError} `incomplete-plan` when the document lacked what every plan needs —
 * its issuer, date of issue or years — so it cannot be saved without them. A missing number is
 * recorded as "Không số", and so is one whose digits were left blank ("Số: /KH-UBND"). Assignees keep their written text, their full name, class and matched unit.
 *
 * @example
 * const plan = toPlan(await readPlanDocument({ fileName: 'kien-giang.txt', data }))
 * plan.issuedOn // '2018-05-18'
 * plan.sections[0]?.tasks[0]?.lead[1] // { text: 'UBND cấp huyện', name: 'Ủy ban nhân dân cấp huyện', unitClass: 'district-committees' }
 */
export function toPlan(planImport: PlanImport, options: { locale?: Locale } = {}): Plan {
  const locale = options.locale ?? DEFAULT_LOCALE
  const { plan, sections } = planImport
  const missing = (['issuer', 'issuedOn', 'years'] as const).filter((field) => !plan[field])
  if (missing.length > 0 || !plan.issuedOn || !plan.years) {
    const fields = missing.map((field) => FIELD_NAMES[field][locale]).join(', ')
    throw new PlanDocumentError('incomplete-plan', errorMessage('incomplete-plan', { fields }, locale))
  }
  return PlanSchema.parse({
    number: hasDigits(plan.number) ? plan.number : NO_NUMBER,
    title: plan.title,
    issuer: plan.issuer,
    issuedOn: plan.issuedOn,
    index: plan.index,
    years: plan.years,
    status: 'draft',
    goals: plan.goals ?? [],
    targets: plan.targets,
    ...(plan.place ? { place: plan.place } : {}),
    ...(plan.signer ? { signer: plan.signer } : {}),
    ...(plan.frameworkId ? { frameworkId: plan.frameworkId } : {}),
    ...(plan.parentPlanNumber ? { parentPlanNumber: plan.parentPlanNumber } : {}),
    sections: sections.map((section) => ({
      code: section.code,
      title: section.title,
      ...(section.dimension ? { dimension: section.dimension } : {}),
      tasks: section.tasks.map((task) => ({
        code: task.code,
        title: task.title,
        lead: task.lead.map(assignee),
        coordinators: task.coordinators.map(assignee),
        timeframe: task.timeframe,
        targets: task.targets,
      })),
    })),
  })
}
