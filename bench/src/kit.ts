// What every figure of the suite is made of: samples, their median and p95, a figure against its
// floor. Shared by run.ts and the figure modules beside it (imports, browser, tui).

export interface Stat {
  median: number
  p95: number
  runs: number
}

export interface Figure {
  name: string
  db: 'postgres' | 'pglite' | '-'
  scale: string
  unit: string
  papi: Stat
  floor: Stat
  floorName: string
  /** papi ÷ floor for times (lower is better), papi ÷ floor for rates (higher is better). */
  ratio: number
  better: 'lower' | 'higher'
  note?: string
}

export function stat(samples: number[]): Stat {
  const s = [...samples].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? Number.NaN
  return { median: at(0.5), p95: at(0.95), runs: s.length }
}

/** Times `fn` (ms) after `warmup` unmeasured calls: `runs` times, or fewer when `seconds` run out (at least once). */
export async function sample(fn: () => Promise<unknown>, opts: { runs: number; seconds: number; warmup?: number }): Promise<number[]> {
  for (let i = 0; i < (opts.warmup ?? 1); i++) await fn()
  const out: number[] = []
  const deadline = performance.now() + opts.seconds * 1000
  while (out.length < opts.runs && (out.length === 0 || performance.now() < deadline)) {
    const t = performance.now()
    await fn()
    out.push(performance.now() - t)
  }
  return out
}

/** A dataset as the figure modules need it (run.ts's Dataset has more). */
export interface BenchDataset {
  db: 'postgres' | 'pglite'
  scale: string
  env: Record<string, string>
  info: { token: string; provinceUnitIds: string[] }
}

export interface BenchServer {
  url: string
  stop: () => Promise<void>
}

/** What run.ts hands a figure module: where figures go, and how servers start. */
export interface Kit {
  add: (figure: Omit<Figure, 'ratio'>) => void
  /** papi (apps/api/dist/server.js) or bare Hono (bare-server.mjs) on the suite's ports; `env` overrides the defaults (PAPI_WEB_DIST…). */
  startServer: (kind: 'papi' | 'bare', env: Record<string, string>) => Promise<BenchServer>
  log: (line: string) => void
  root: string
}
