import { Command, Option } from '@commander-js/extra-typings'
import { generate, progressBar, SCALES, type GenerateResult, type Scale } from '@papi/bench'
import type { Locale } from '@papi/domain'
import { openStore, storeOptionsFromEnv, type Store } from '@papi/store'
import { langOption } from '../command'
import { CommandError } from '../command-error'

/** Where `papi bench` writes and what it opens: the real process, or a test's stand-ins. */
export interface BenchIo {
  stdout: (text: string) => void
  stderr: NodeJS.WriteStream
  openStore: () => Promise<Store>
}

const HELP = {
  vi: {
    summary: 'dữ liệu và phép đo hiệu năng',
    generate: 'sinh bộ dữ liệu đo hiệu năng vào cơ sở dữ liệu trống (DATABASE_URL hoặc PAPI_DATA_DIR)',
    scale: 'quy mô: national (34 tỉnh, 3.321 xã), province (một tỉnh) hoặc small',
    json: 'in đúng một tài liệu JSON ra stdout',
    done: (r: GenerateResult) =>
      `Đã sinh (${r.scale}): ${r.units} đơn vị, ${r.plans} kế hoạch, ${r.tasks} nhiệm vụ, ${r.assignments} phân công, ${r.reports} báo cáo trong ${r.seconds.toFixed(1)} giây.\n`,
  },
  en: {
    summary: 'benchmark data and measurements',
    generate: 'generate the benchmark dataset into an empty database (DATABASE_URL or PAPI_DATA_DIR)',
    scale: 'scale: national (34 provinces, 3,321 communes), province (one province) or small',
    json: 'print exactly one JSON document on stdout',
    done: (r: GenerateResult) =>
      `Generated (${r.scale}): ${r.units} units, ${r.plans} plans, ${r.tasks} tasks, ${r.assignments} assignments, ${r.reports} reports in ${r.seconds.toFixed(1)} s.\n`,
  },
} as const

/** `papi bench generate --scale national|province|small`: the suite itself is `pnpm bench`. */
export function benchCommand(locale: Locale, io: BenchIo = processBenchIo()) {
  const h = HELP[locale]
  return new Command('bench').summary(h.summary).addCommand(
    new Command('generate')
      .summary(h.generate)
      .addOption(new Option('--scale <scale>', h.scale).choices(SCALES).default('province' as Scale))
      .option('--json', h.json)
      .addOption(langOption(locale))
      .action(async (options) => {
        const store = await io.openStore()
        try {
          const result = await generate(store, { scale: options.scale as Scale, progress: progressBar(io.stderr) })
          io.stdout(options.json ? `${JSON.stringify(result)}\n` : h.done(result))
        } catch (error) {
          throw new CommandError(error instanceof Error ? error.message : String(error), 1)
        } finally {
          await store.close()
        }
      }),
  )
}

function processBenchIo(): BenchIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: process.stderr,
    openStore: () => openStore(storeOptionsFromEnv(process.env)),
  }
}
