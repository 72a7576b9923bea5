import { Command } from '@commander-js/extra-typings'
import { registerForProvince, type Locale, type Register } from '@papi/domain'
import type { RegisterImportResult, RegisterProgress } from '@papi/store'
import { langOf, langOption } from '../command'
import { CommandError } from '../command-error'

/** Where `papi units` writes and what it reaches: the real process, or a test's stand-ins. */
export interface UnitsIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  stderrIsTty: boolean
  readRegister: () => Promise<Register>
  openStore: () => Promise<{
    importRegister: (register: Register, onProgress: RegisterProgress) => Promise<RegisterImportResult>
    close: () => Promise<void>
  }>
}

const HELP = {
  vi: {
    summary: 'quản lý đơn vị: nạp danh mục đơn vị hành chính quốc gia',
    importRegister: `Nạp danh mục đơn vị hành chính (Cục Thống kê) vào cơ sở dữ liệu: 63 tỉnh, 696 huyện, ~10.050 xã đến 30/06/2025;
34 tỉnh, 3.321 xã từ 01/07/2025; liên kết cũ → mới (toàn bộ / một phần); các cơ quan chuẩn của mỗi tỉnh.
Một giao dịch; chạy lại không thay đổi gì. --province <mã> chỉ nạp một tỉnh (mã cũ) và tỉnh mới mà nó trở thành.`,
    province: 'mã tỉnh (2 chữ số, ví dụ 91): chỉ nạp tỉnh này',
    json: 'in đúng một tài liệu JSON ra stdout',
  },
  en: {
    summary: 'manage units: load the national administrative-unit register',
    importRegister: `Loads the NSO's administrative-unit register into the database: 63 provinces, 696 districts, ~10,050 communes until
30/06/2025; 34 provinces, 3,321 communes from 01/07/2025; old → new links (whole / part); each province's standard bodies.
One transaction; a second run changes nothing. --province <code> loads one province (its old code) and what it became.`,
    province: 'a province code (2 digits, e.g. 91): load that province only',
    json: 'print exactly one JSON document on stdout',
  },
} as const

const MESSAGES = {
  vi: {
    badProvince: (code: string) => `mã tỉnh không hợp lệ: ${code} (2 chữ số, ví dụ 91)`,
    noProvince: (code: string) => `không có tỉnh, thành phố nào mang mã ${code} trong danh mục`,
    phase: { units: 'Đơn vị', links: 'Liên kết cũ → mới' },
    done: (r: RegisterImportResult, seconds: string) =>
      `Đã nạp danh mục trong ${seconds} giây: ${r.units.created} đơn vị mới (${r.units.existing} đã có), ${r.links.created} liên kết mới (${r.links.existing} đã có).
  Tỉnh: ${r.counts.provinces.old} (đến 30/06/2025) + ${r.counts.provinces.new} (từ 01/07/2025); huyện: ${r.counts.districts}; xã: ${r.counts.communes.old} + ${r.counts.communes.new}; cơ quan: ${r.counts.bodies}\n`,
    issues: (n: number) => `  ${n} dòng của bảng chuyển đổi không đọc được (xem --json)\n`,
  },
  en: {
    badProvince: (code: string) => `not a province code: ${code} (2 digits, e.g. 91)`,
    noProvince: (code: string) => `no province has the code ${code} in the register`,
    phase: { units: 'Units', links: 'Old → new links' },
    done: (r: RegisterImportResult, seconds: string) =>
      `Loaded the register in ${seconds} s: ${r.units.created} new units (${r.units.existing} already there), ${r.links.created} new links (${r.links.existing} already there).
  Provinces: ${r.counts.provinces.old} (until 30/06/2025) + ${r.counts.provinces.new} (from 01/07/2025); districts: ${r.counts.districts}; communes: ${r.counts.communes.old} + ${r.counts.communes.new}; bodies: ${r.counts.bodies}\n`,
    issues: (n: number) => `  ${n} rows of the conversion table could not be read (see --json)\n`,
  },
} as const

/** `papi units import-register [--province <code>]`, in the language of its help. */
export function unitsCommand(locale: Locale, io: UnitsIo = processUnitsIo()) {
  const h = HELP[locale]
  const units = new Command('units').summary(h.summary)
  units
    .command('import-register')
    .description(h.importRegister)
    .option('--province <code>', h.province)
    .option('--json', h.json)
    .addOption(langOption(locale))
    .action((options) => importRegisterCommand(options, io))
  return units
}

async function importRegisterCommand(options: { province?: string; json?: true; lang?: string }, io: UnitsIo): Promise<void> {
  const m = MESSAGES[langOf(options.lang)]
  if (options.province !== undefined && !/^\d{2}$/u.test(options.province)) throw new CommandError(m.badProvince(options.province), 2)
  const whole = await io.readRegister()
  const register = options.province === undefined ? whole : registerForProvince(whole, options.province)
  if (!register) throw new CommandError(m.noProvince(options.province as string), 1)
  const store = await io.openStore()
  const started = performance.now()
  try {
    const result = await store.importRegister(register, progressBar(io, m.phase))
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    if (options.json) io.stdout(`${JSON.stringify({ ...result, seconds: Number(seconds), issues: register.issues }, null, 2)}\n`)
    else {
      io.stdout(m.done(result, seconds))
      if (register.issues.length) io.stdout(m.issues(register.issues.length))
    }
  } finally {
    await store.close()
  }
}

/**
 * A progress bar on stderr: redrawn in place on a terminal, one line per finished phase on a pipe.
 *
 * @example
 * progressBar(io, { units: 'Đơn vị', links: 'Liên kết' })({ phase: 'units', done: 500, total: 17065 })
 */
export function progressBar(io: Pick<UnitsIo, 'stderr' | 'stderrIsTty'>, names: Readonly<Record<string, string>>): RegisterProgress {
  let lastPhase = ''
  return (p) => {
    const width = 30
    const filled = p.total === 0 ? width : Math.round((p.done / p.total) * width)
    const text = `${names[p.phase] ?? p.phase} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total}`
    if (io.stderrIsTty) io.stderr(`\r\u001b[K${text}${p.done === p.total ? '\n' : ''}`)
    else if (p.done === p.total && p.phase !== lastPhase) {
      io.stderr(`${text}\n`)
      lastPhase = p.phase
    }
  }
}

function processUnitsIo(): UnitsIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTty: Boolean(process.stderr.isTTY),
    readRegister: async () => (await import('@papi/register')).readRegister(),
    openStore: async () => {
      const { openStore, storeOptionsFromEnv } = await import('@papi/store')
      const store = await openStore(storeOptionsFromEnv(process.env))
      return {
        importRegister: (register, onProgress) => store.units.importRegister(register, { actorId: null, at: new Date() }, { onProgress }),
        close: () => store.close(),
      }
    },
  }
}
