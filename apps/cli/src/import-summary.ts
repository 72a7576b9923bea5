import type { ImportWarning, PlanImport } from '@papi/documents'
import { enumLabel, formatDate, frameworkById, type Locale } from '@papi/domain'

const WORDS = {
  vi: {
    plan: 'Kế hoạch',
    number: 'số',
    noNumber: 'không số',
    dated: 'ngày',
    index: 'Chỉ số',
    years: 'Năm',
    signer: 'Người ký',
    implements: 'Thực hiện kế hoạch',
    sections: 'mục',
    tasks: 'nhiệm vụ',
    noDimension: 'chưa gắn chỉ số nội dung',
    warnings: 'Cảnh báo',
    noWarnings: 'Không có cảnh báo.',
    at: 'tại',
    dryRun: 'Chạy thử: chưa lưu gì.',
    saved: 'Đã lưu kế hoạch (bản nháp), mã',
  },
  en: {
    plan: 'Plan',
    number: 'no.',
    noNumber: 'unnumbered',
    dated: 'of',
    index: 'Index',
    years: 'Years',
    signer: 'Signed by',
    implements: 'Implements plan',
    sections: 'sections',
    tasks: 'tasks',
    noDimension: 'no dimension',
    warnings: 'Warnings',
    noWarnings: 'No warnings.',
    at: 'at',
    dryRun: 'Dry run: nothing was saved.',
    saved: 'Saved the plan (draft), id',
  },
} as const

/** Where a warning points, as a reader would say it: "1.2" or "plan.number". */
function placeOf(warning: ImportWarning): string {
  return warning.where.task ?? warning.where.section ?? warning.where.field ?? ''
}

/**
 * The readable summary `papi import` prints without `--json`: the plan's details, its sections
 * with their dimension and task count, and the warnings grouped by kind (a long list of the same
 * warning names the tasks once).
 *
 * @example
 * formatImportSummary(planImport, 'vi', { dryRun: true })
 * // 'Kế hoạch số 97/KH-UBND ngày 18/05/2018 — ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG …'
 */
export function formatImportSummary(
  planImport: PlanImport,
  locale: Locale,
  outcome: { dryRun: true } | { dryRun: false; savedId: string },
): string {
  const w = WORDS[locale]
  const { plan, sections, warnings } = planImport
  const out: string[] = []
  const number = plan.number ? `${w.number} ${plan.number}` : w.noNumber
  const dated = plan.issuedOn ? ` ${w.dated} ${formatDate(plan.issuedOn, locale)}` : ''
  const place = plan.place ? ` (${plan.place})` : ''
  out.push(`${w.plan} ${number}${dated} — ${plan.issuer || '?'}${place}`)
  out.push(plan.title)
  const framework = plan.frameworkId ? frameworkById(plan.frameworkId) : undefined
  const facts = [
    `${w.index}: ${enumLabel('indexKind', plan.index, locale)}${framework ? ` (${framework.name[locale]})` : ''}`,
    ...(plan.years ? [`${w.years}: ${plan.years.from === plan.years.to ? plan.years.from : `${plan.years.from}–${plan.years.to}`}`] : []),
    ...(plan.signer ? [`${w.signer}: ${plan.signer}`] : []),
  ]
  out.push(facts.join(' · '))
  if (plan.parentPlanNumber) out.push(`${w.implements}: ${plan.parentPlanNumber}`)
  out.push('')

  const taskCount = sections.reduce((n, s) => n + s.tasks.length, 0)
  out.push(`${sections.length} ${w.sections}, ${taskCount} ${w.tasks}:`)
  for (const section of sections) {
    const dimension = section.dimension
      ? framework?.dimensions.find((d) => d.key === section.dimension)?.name[locale] ?? section.dimension
      : w.noDimension
    out.push(`  ${section.code}. ${section.title} — ${dimension} · ${section.tasks.length} ${w.tasks}`)
  }
  out.push('')

  if (warnings.length === 0) out.push(w.noWarnings)
  else {
    out.push(`${w.warnings} (${warnings.length}):`)
    const groups = new Map<string, ImportWarning[]>()
    for (const warning of warnings) {
      const key = `${warning.code}\u0000${warning.message}`
      groups.set(key, [...(groups.get(key) ?? []), warning])
    }
    for (const group of groups.values()) {
      const first = group[0]
      if (!first) continue
      const places = group.map(placeOf).filter(Boolean)
      const where = places.length > 0 ? ` [${places.join(', ')}]` : ''
      const times = group.length > 1 ? ` ×${group.length}` : ''
      out.push(`  - ${first.message}${times}${where}`)
    }
  }
  out.push('')
  out.push(outcome.dryRun ? w.dryRun : `${w.saved} ${outcome.savedId}.`)
  return `${out.join('\n')}\n`
}
