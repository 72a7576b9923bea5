/**
 * Measures the JavaScript the dashboard's index.html loads before the first page can paint:
 * the entry `<script type="module">`, every `<link rel="modulepreload">`, and the chunks those
 * import statically — gzipped, as a browser on a slow provincial link receives them. Lazy pages
 * (`import()`) are not counted: they load when visited.
 *
 * Run: `npx -y pnpm@10 exec tsx scripts/measure-bundle.ts [dist] [--budget-kb 120]` (after `vite build`).
 * Exits 1 when over budget.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, posix, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

/** Budget from the issue: initial JavaScript of the first page ≤ 120 KB gzipped. */
export const INITIAL_JS_BUDGET_BYTES = 120 * 1024

export interface ChunkSize {
  file: string
  bytes: number
  gzipBytes: number
}

export interface BundleMeasure {
  chunks: ChunkSize[]
  totalBytes: number
  totalGzipBytes: number
}

/**
 * Script and modulepreload URLs that index.html names, as paths relative to dist.
 *
 * @example
 * entryScripts('<script type="module" crossorigin src="/assets/index-a.js"></script>') // ['assets/index-a.js']
 */
export function entryScripts(html: string): string[] {
  const found: string[] = []
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) found.push(m[1] as string)
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(m[0])?.[1]
    if (href !== undefined) found.push(href)
  }
  return [...new Set(found.filter((u) => !/^[a-z]+:\/\//i.test(u)).map((u) => u.replace(/^\//, '')))]
}

/**
 * Relative modules a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`,
 * `export … from "./x.js"`), not dynamic `import("./x.js")`.
 *
 * @example
 * staticImports('import{a as b}from"./solid-x.js";const p=()=>import("./page.js")') // ['./solid-x.js']
 */
export function staticImports(code: string): string[] {
  const found = new Set<string>()
  const re = /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g
  for (const m of code.matchAll(re)) {
    // `import("./x")` is dynamic: the character before the quote is "(".
    const before = code.slice(0, (m.index ?? 0) + m[0].indexOf(m[1] as string) - 1).trimEnd()
    if (before.endsWith('(')) continue
    found.add(m[1] as string)
  }
  return [...found]
}

/** Sizes of every chunk index.html loads before the first page renders. */
export function measureInitialJs(distDir: string): BundleMeasure {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  return measureChunks(
    distDir,
    entryScripts(html).filter((f) => f.endsWith('.js')),
  )
}

/**
 * The initial JavaScript plus a lazy page's chunk and what it imports statically: what a
 * signed-in user downloads before that page (e.g. `overview-page`, the landing page) shows.
 */
export function measureFirstPage(distDir: string, pageChunkPrefix: string): BundleMeasure {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const page = readdirSync(join(distDir, 'assets')).find((f) => f.startsWith(`${pageChunkPrefix}-`) && f.endsWith('.js'))
  if (page === undefined) throw new Error(`no chunk ${pageChunkPrefix}-*.js in ${distDir}/assets`)
  return measureChunks(distDir, [...entryScripts(html).filter((f) => f.endsWith('.js')), `assets/${page}`])
}

function measureChunks(distDir: string, entries: string[]): BundleMeasure {
  const queue = [...entries]
  const seen = new Set<string>()
  const chunks: ChunkSize[] = []
  while (queue.length > 0) {
    const file = queue.shift() as string
    if (seen.has(file)) continue
    seen.add(file)
    const code = readFileSync(join(distDir, file))
    chunks.push({ file, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length })
    for (const dep of staticImports(code.toString('utf8'))) queue.push(posix.normalize(posix.join(posix.dirname(file), dep)))
  }
  return {
    chunks,
    totalBytes: chunks.reduce((s, c) => s + c.bytes, 0),
    totalGzipBytes: chunks.reduce((s, c) => s + c.gzipBytes, 0),
  }
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

function main(argv: string[]) {
  const here = dirname(fileURLToPath(import.meta.url))
  const budgetAt = argv.indexOf('--budget-kb')
  const budget = budgetAt >= 0 ? Number(argv[budgetAt + 1]) * 1024 : INITIAL_JS_BUDGET_BYTES
  const dist = resolve(argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--budget-kb') ?? join(here, '..', 'dist'))
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`no ${join(dist, 'index.html')}: run \`vite build\` first`)
    process.exit(2)
  }
  const m = measureInitialJs(dist)
  for (const c of m.chunks) console.log(`${c.file.padEnd(44)} ${kb(c.bytes).padStart(10)} ${kb(c.gzipBytes).padStart(10)} gz`)
  console.log(`initial JS: ${kb(m.totalBytes)}, ${kb(m.totalGzipBytes)} gzipped (budget ${kb(budget)})`)
  const landing = measureFirstPage(dist, 'overview-page')
  console.log(`with the overview page (landing after sign-in): ${kb(landing.totalGzipBytes)} gzipped; chart.js loads later, on demand`)
  if (m.totalGzipBytes > budget) {
    console.error(`over budget by ${kb(m.totalGzipBytes - budget)}`)
    process.exit(1)
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2))
