import { readRegisterTables, type Register } from '@papi/domain'
import type { RegisterImportResult } from '@papi/store'
import { describe, expect, it } from 'vitest'
import { runCommands } from '../command'
import { unitsCommand, type UnitsIo } from './units'

// Two communes of Hà Nội before the reform and the one they became: enough to drive the command.
const register = readRegisterTables(
  [
    ['Tỉnh Thành Phố', 'Mã TP', 'Quận Huyện', 'Mã QH', 'Phường Xã', 'Mã PX', 'Cấp', 'Tên Tiếng Anh'],
    ['Thành phố Hà Nội', '01', 'Quận Ba Đình', '001', 'Phường Trúc Bạch', '00004', 'Phường', ''],
  ],
  [
    [
      'Thành phố Hà Nội (01)',
      'Phường Ba Đình',
      '00004',
      'Phường Trúc Bạch',
      '00004',
      'Nhập toàn bộ',
      'Quận Ba Đình (001)',
      'Thành phố Hà Nội (01)',
      '',
    ],
  ],
)

function fakeIo(): UnitsIo & { out: string[]; err: string[]; loaded: Register[] } {
  const out: string[] = []
  const err: string[] = []
  const loaded: Register[] = []
  return {
    out,
    err,
    loaded,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stderrIsTty: false,
    readRegister: async () => register,
    openStore: async () => ({
      importRegister: async (r, onProgress): Promise<RegisterImportResult> => {
        loaded.push(r)
        onProgress({ phase: 'units', done: r.units.length, total: r.units.length })
        onProgress({ phase: 'links', done: r.links.length, total: r.links.length })
        return {
          units: { created: r.units.length, existing: 0 },
          links: { created: r.links.length, existing: 0 },
          counts: {
            provinces: { old: 1, new: 1 },
            districts: 1,
            communes: { old: 1, new: 1 },
            bodies: r.units.length - 5,
            links: r.links.length,
          },
        }
      },
      close: async () => {},
    }),
  }
}

describe('papi units import-register', () => {
  it('loads the register, shows a progress bar on stderr and a summary on stdout', async () => {
    const io = fakeIo()
    await runCommands([unitsCommand('vi', io)], ['units', 'import-register'], io, 'vi')
    expect(io.loaded[0]?.units.length).toBe(register.units.length)
    expect(io.err.join('')).toMatch(/Đơn vị \[#+\] \d+\/\d+/u)
    expect(io.out.join('')).toMatch(/Đã nạp danh mục trong [\d.]+ giây: \d+ đơn vị mới/u)
  })

  it('loads one province with --province, and refuses a code no province has', async () => {
    const io = fakeIo()
    await runCommands([unitsCommand('en', io)], ['units', 'import-register', '--province', '01', '--lang', 'en'], io, 'en')
    expect(io.loaded[0]?.units.some((u) => u.code === 'P01@2025')).toBe(true)
    await expect(
      runCommands([unitsCommand('en', io)], ['units', 'import-register', '--province', '99', '--lang', 'en'], io, 'en'),
    ).rejects.toMatchObject({
      message: 'no province has the code 99 in the register',
      exitCode: 1,
    })
    await expect(runCommands([unitsCommand('vi', io)], ['units', 'import-register', '--province', 'x'], io, 'vi')).rejects.toMatchObject({
      exitCode: 2,
    })
  })
})
