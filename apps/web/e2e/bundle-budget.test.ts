import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { INITIAL_JS_BUDGET_BYTES, kb, measureFirstPage, measureInitialJs } from '../scripts/measure-bundle'

describe('initial JavaScript of the first page', () => {
  it(`stays within ${kb(INITIAL_JS_BUDGET_BYTES)} gzipped`, () => {
    const m = measureInitialJs(fileURLToPath(new URL('../dist', import.meta.url)))
    console.info(`initial JS ${kb(m.totalGzipBytes)} gzipped in ${m.chunks.length} chunk(s): ${m.chunks.map((c) => c.file).join(', ')}`)
    expect(m.chunks.length).toBeGreaterThan(0)
    expect(m.totalGzipBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES)
  })

  it('stays within budget with the landing page (overview) loaded too', () => {
    const m = measureFirstPage(fileURLToPath(new URL('../dist', import.meta.url)), 'overview-page')
    console.info(`initial JS + overview page ${kb(m.totalGzipBytes)} gzipped`)
    expect(m.chunks.some((c) => c.file.includes('chart'))).toBe(false)
    expect(m.totalGzipBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES)
  })

  it('loads nothing from another origin', () => {
    const m = measureInitialJs(fileURLToPath(new URL('../dist', import.meta.url)))
    expect(m.chunks.every((c) => !c.file.includes('//'))).toBe(true)
  })

  it('ships a Brotli and a gzip copy of each script, stylesheet and the page, that unpack to the file', () => {
    const dist = fileURLToPath(new URL('../dist', import.meta.url))
    const files = ['index.html', ...readdirSync(join(dist, 'assets')).map((f) => `assets/${f}`)].filter(
      (f) => /\.(?:html|js|css)$/.test(f) && readFileSync(join(dist, f)).length >= 1024,
    )
    expect(files.some((f) => f.endsWith('.js'))).toBe(true)
    for (const f of files) {
      const original = readFileSync(join(dist, f))
      expect(brotliDecompressSync(readFileSync(join(dist, `${f}.br`))).equals(original), `${f}.br`).toBe(true)
      expect(gunzipSync(readFileSync(join(dist, `${f}.gz`))).equals(original), `${f}.gz`).toBe(true)
    }
  })
})
