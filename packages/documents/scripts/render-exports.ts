// Renders every export of the Kiên Giang fixture to PDF and PNG pages with LibreOffice, so a person
// can look at them: columns cut, text overflowing, the heading block out of line.
// Not part of the test suite (LibreOffice is not everywhere).
//
//   node --conditions=source --import tsx scripts/render-exports.ts [out-dir]
//
// Needs `soffice` (LibreOffice) and `pdftoppm` (poppler) on the PATH; without them it writes the
// .xlsx/.docx/.csv files and stops.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Locale } from '@papi/domain'
import {
  consolidatedReportModel,
  taskTableModel,
  writeConsolidatedReportCsv,
  writeConsolidatedReportDocx,
  writeConsolidatedReportXlsx,
  writeTaskTableCsv,
  writeTaskTableDocx,
  writeTaskTableXlsx,
} from '../src/index'
import { KIEN_GIANG_AS_OF, KIEN_GIANG_UNITS, kienGiangPlan, kienGiangReports } from '../src/export/kien-giang.fixture'

const out = resolve(process.argv[2] ?? '/tmp/papi-render')
mkdirSync(out, { recursive: true })

const plan = kienGiangPlan()
const reports = kienGiangReports(plan)
const files: string[] = []

async function save(name: string, bytes: Promise<Uint8Array>): Promise<void> {
  const path = join(out, name)
  writeFileSync(path, await bytes)
  files.push(path)
}

for (const locale of ['vi', 'en'] as Locale[]) {
  const tasks = taskTableModel({ plan, units: KIEN_GIANG_UNITS, locale })
  const withStatus = taskTableModel({ plan, units: KIEN_GIANG_UNITS, reports, periodId: '2018Q2', asOf: KIEN_GIANG_AS_OF, locale })
  const report = consolidatedReportModel({ plan, units: KIEN_GIANG_UNITS, reports, periodId: '2018Q2', asOf: KIEN_GIANG_AS_OF, locale })
  await save(`task-table-${locale}.xlsx`, writeTaskTableXlsx(tasks))
  await save(`task-table-${locale}.docx`, writeTaskTableDocx(tasks))
  await save(`task-table-${locale}.csv`, writeTaskTableCsv(tasks))
  await save(`task-table-status-${locale}.xlsx`, writeTaskTableXlsx(withStatus))
  await save(`report-${locale}.xlsx`, writeConsolidatedReportXlsx(report))
  await save(`report-${locale}.docx`, writeConsolidatedReportDocx(report))
  await save(`report-${locale}.csv`, writeConsolidatedReportCsv(report))
}
console.log(`wrote ${files.length} files to ${out}`)

const has = (tool: string) => spawnSync('which', [tool]).status === 0
if (!has('soffice') || !has('pdftoppm')) {
  console.log('soffice or pdftoppm not found: skipping PDF and PNG rendering')
  process.exit(0)
}

const printable = files.filter((f) => !f.endsWith('.csv'))
console.log(`converting ${printable.length} files to PDF…`)
// A private profile keeps this run from fighting another LibreOffice over the user's profile lock.
const profile = `-env:UserInstallation=file://${join(out, '.lo-profile')}`
// report-vi.xlsx and report-vi.docx would both become report-vi.pdf: one folder per format.
for (const format of ['xlsx', 'docx']) {
  const dir = join(out, format)
  mkdirSync(dir, { recursive: true })
  const inputs = printable.filter((f) => f.endsWith(`.${format}`))
  // Spreadsheets show numbers with the reader's decimal mark: render them as a Vietnamese desk sees them.
  execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...inputs], {
    stdio: 'inherit',
    env: { ...process.env, LC_ALL: 'vi_VN.UTF-8', LANG: 'vi_VN.UTF-8' },
  })
  for (const pdf of readdirSync(dir).filter((f) => f.endsWith('.pdf'))) {
    execFileSync('pdftoppm', ['-png', '-r', '60', join(dir, pdf), join(out, `${pdf.replace(/\.pdf$/, '')}-${format}`)])
  }
}
const pages = readdirSync(out)
  .filter((f) => f.endsWith('.png'))
  .sort()
console.log(`${pages.length} pages:`)
for (const page of pages) console.log(`  ${join(out, page)}`)
