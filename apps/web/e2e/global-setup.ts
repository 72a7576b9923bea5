import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { builtFromCurrentSources } from '../scripts/build-inputs'

/**
 * Builds dist/ from the current sources so the budget and the browser test what ships. A dist/
 * already built from exactly these files (`turbo run build`, or the last run's setup) is what this
 * build would write again: it is used as it is (~11 s of CPU saved per test run).
 */
export default async function setup() {
  const root = fileURLToPath(new URL('..', import.meta.url))
  if (builtFromCurrentSources(root)) return
  await build({ root, configFile: `${root}/vite.config.ts`, logLevel: 'warn' })
}
