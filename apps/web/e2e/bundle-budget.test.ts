import { fileURLToPath } from 'node:url'
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
})
