// `node bench/src/check-results.mjs results.json`: checks the last run of a results file (CI's
// `bench --quick`): it finished, no step failed, every figure the run's steps measure is there,
// and every figure has a finite positive papi value, floor and ratio (a save rate of 0 would mean
// no save succeeded). No time is asserted: CI machines are noisy, and a figure is only ever read
// as a ratio to its floor measured in the same run.
import { readFileSync } from 'node:fs'

const file = process.argv[2] ?? 'bench/results.json'
const { runs } = JSON.parse(readFileSync(file, 'utf8'))
const run = runs?.at(-1)
const problems = []
/** Figures measured once per run (on the run's first PostgreSQL dataset), by the step that measures them. */
const ONCE = {
  imports: [
    /^plan import dry run: the seed plans \(\.txt\)$/,
    /^plan import confirm: the seed plans \(\.txt\)$/,
    /^plan import dry run: \d+-task \.docx$/,
    /^plan import confirm: \d+-task \.docx$/,
    /^plan import dry run: \d+-task \.xlsx$/,
    /^plan import confirm: \d+-task \.xlsx$/,
  ],
  browser: [
    /^first page in Chromium: log-in form visible$/,
    /^first page in Chromium: JavaScript loaded \(gzipped\)$/,
    /^first page in Chromium: JavaScript loaded \(as sent\)$/,
  ],
  tui: [/^TUI first frame \(papi tui, built\)$/],
}
const positive = (n) => Number.isFinite(n) && n > 0
if (!run) problems.push('no run recorded')
else {
  for (const f of run.failures ?? []) problems.push(`step ${f.step} failed: ${f.reason}`)
  const dbs = [...new Set(run.datasets.map((d) => d.db))]
  for (const db of dbs)
    for (const name of ['GET /api/health, 16 concurrent', 'report save (PUT), 16 concurrent', 'province dashboard'])
      if (!run.figures.some((f) => f.db === db && f.name === name)) problems.push(`no "${name}" figure on ${db}`)
  for (const [step, names] of Object.entries(ONCE)) {
    if (run.only && !run.only.includes(step)) continue
    for (const name of names) if (!run.figures.some((f) => name.test(f.name))) problems.push(`no figure matching ${name} (step ${step})`)
  }
  for (const f of run.figures) {
    if (!positive(f.ratio)) problems.push(`${f.name} [${f.db}]: ratio ${f.ratio} (papi ${f.papi.median}, floor ${f.floor.median})`)
    for (const [side, s] of [
      ['papi', f.papi],
      ['floor', f.floor],
    ])
      if (!(positive(s?.median) && positive(s?.p95) && positive(s?.runs)))
        problems.push(`${f.name} [${f.db}]: ${side} median/p95/runs ${s?.median}/${s?.p95}/${s?.runs}, not finite and positive`)
  }
}
if (problems.length) {
  console.error(`bench results (${file}):\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log(
  `bench results: ${run.figures.length} figures on ${run.datasets.map((d) => `${d.db} ${d.scale}`).join(', ')} in ${run.seconds} s`,
)
