// `node bench/src/check-results.mjs results.json`: checks the last run of a results file (CI's
// `bench --quick`): it finished, no step failed, and every figure has a finite positive ratio (a
// save rate of 0 would mean no save succeeded). No time is asserted: CI machines are noisy, and a
// figure is only ever read as a ratio to its floor measured in the same run.
import { readFileSync } from 'node:fs'

const file = process.argv[2] ?? 'bench/results.json'
const { runs } = JSON.parse(readFileSync(file, 'utf8'))
const run = runs?.at(-1)
const problems = []
if (!run) problems.push('no run recorded')
else {
  for (const f of run.failures ?? []) problems.push(`step ${f.step} failed: ${f.reason}`)
  const dbs = [...new Set(run.datasets.map((d) => d.db))]
  for (const db of dbs)
    for (const name of ['GET /api/health, 16 concurrent', 'report save (PUT), 16 concurrent', 'province dashboard'])
      if (!run.figures.some((f) => f.db === db && f.name === name)) problems.push(`no "${name}" figure on ${db}`)
  for (const f of run.figures)
    if (!(Number.isFinite(f.ratio) && f.ratio > 0))
      problems.push(`${f.name} [${f.db}]: ratio ${f.ratio} (papi ${f.papi.median}, floor ${f.floor.median})`)
}
if (problems.length) {
  console.error(`bench results (${file}):\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log(
  `bench results: ${run.figures.length} figures on ${run.datasets.map((d) => `${d.db} ${d.scale}`).join(', ')} in ${run.seconds} s`,
)
