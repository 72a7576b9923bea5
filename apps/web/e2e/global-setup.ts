import { build } from 'vite'
import { fileURLToPath } from 'node:url'

/** Builds dist/ from the current sources so the budget and the browser test what ships. */
export default async function setup() {
  const root = fileURLToPath(new URL('..', import.meta.url))
  await build({ root, configFile: `${root}/vite.config.ts`, logLevel: 'warn' })
}
