import type { ImportWarning, PlanImport } from '@papi/documents'
import { enumLabel, formatDate, formatYears, frameworkById, type Locale, type PlanChanges } from '@papi/domain'
import type { PlanImportResult } from '@papi/store'

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
    created: (id: string) => `Đã lưu kế hoạch mới ${id} (bản nháp).`,
    updated: (id: string, changes: string) => `Đã cập nhật kế hoạch ${id} (${changes}).`,
    unchanged: (id: string) => `Kế hoạch ${id} đã có, văn bản không thay đổi gì: không ghi gì thêm.`,
    changes: {
      tasksAdded: (n: number) => `thêm ${n} nhiệm vụ`,
      tasksUpdated: (n: number) => `sửa ${n} nhiệm vụ`,
      tasksRemoved: (n: number) => `xóa ${n} nhiệm vụ`,
      sectionsAdded: (n: number) => `thêm ${n} mục`,
      sectionsUpdated: (n: number) => `sửa ${n} mục`,
      sectionsRemoved: (n: number) => `xóa ${n} mục`,
      headerUpdated: 'sửa thông tin chung',
      reordered: 'đổi thứ tự',
    },
    kept: (n: number) => `Giữ lại ${n} nhiệm vụ văn bản không còn ghi, vì đã có báo cáo:`,
    reports: (n: number) => `${n} báo cáo`,
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
    created: (id: string) => `Saved new plan ${id} (draft).`,
    updated: (id: string, changes: string) => `Updated plan ${id} (${changes}).`,
    unchanged: (id: string) => `Plan ${id} is already stored and the document changes nothing: nothing written.`,
    changes: {
      tasksAdded: (n: number) => `${count(n, 'task')} added`,
      tasksUpdated: (n: number) => `${count(n, 'task')} updated`,
      tasksRemoved: (n: number) => `${count(n, 'task')} removed`,
      sectionsAdded: (n: number) => `${count(n, 'section')} added`,
      sectionsUpdated: (n: number) => `${count(n, 'section')} updated`,
      sectionsRemoved: (n: number) => `${count(n, 'section')} removed`,
      headerUpdated: 'header updated',
      reordered: 'reordered',
    },
    kept: (n: number) => `Kept ${count(n, 'task')} the document no longer lists, because reports were filed on them:`,
    reports: (n: number) => count(n, 'report'),
  },
} as const

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

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
  outcome: { dryRun: true } | { dryRun: false; result: PlanImportResult },
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
    ...(plan.years ? [`${w.years}: ${formatYears(plan.years)}`] : []),
    ...(plan.signer ? [`${w.signer}: ${plan.signer}`] : []),
  ]
  out.push(facts.join(' · '))
  if (plan.parentPlanNumber) out.push(`${w.implements}: ${plan.parentPlanNumber}`)
  out.push('')

  const taskCount = sections.reduce((n, s) => n + s.tasks.length, 0)
  out.push(`${sections.length} ${w.sections}, ${taskCount} ${w.tasks}:`)
  for (const section of sections) {
    const dimension = section.dimension
      ? (framework?.dimensions.find((d) => d.key === section.dimension)?.name[locale] ?? section.dimension)
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
  if (outcome.dryRun) out.push(w.dryRun)
  else out.push(...formatImportResult(outcome.result, locale))
  return `${out.join('\n')}\n`
}

/**
 * What saving did, in a line or a few: created, updated (and how), or unchanged; then the tasks
 * kept because reports were filed on them.
 *
 * @example
 * formatImportResult({ id: 'p1', outcome: 'updated', changes, kept: [] }, 'vi')
 * // ['Đã cập nhật kế hoạch p1 (thêm 1 nhiệm vụ, sửa 1 nhiệm vụ, xóa 1 nhiệm vụ).']
 */
export function formatImportResult(result: PlanImportResult, locale: Locale): string[] {
  const w = WORDS[locale]
  const lines = [
    result.outcome === 'created'
      ? w.created(result.id)
      : result.outcome === 'updated'
        ? w.updated(result.id, changeList(result.changes, locale))
        : w.unchanged(result.id),
  ]
  if (result.kept.length > 0) {
    lines.push(w.kept(result.kept.length))
    for (const k of result.kept) lines.push(`  - ${k.code}. ${k.title} (${w.reports(k.reports)})`)
  }
  return lines
}

function changeList(changes: PlanChanges, locale: Locale): string {
  const c = WORDS[locale].changes
  const counted = (['tasksAdded', 'tasksUpdated', 'tasksRemoved', 'sectionsAdded', 'sectionsUpdated', 'sectionsRemoved'] as const)
    .filter((key) => changes[key] > 0)
    .map((key) => c[key](changes[key]))
  return [...counted, ...(changes.headerUpdated ? [c.headerUpdated] : []), ...(changes.reordered ? [c.reordered] : [])].join(', ')
}
