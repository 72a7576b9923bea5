/** @jsxRuntime automatic */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANGE, ENTER, openTui, type TestServer, testServer } from '../test-kit'
import { defaultBackupFile } from './backup'

let server: TestServer
const dir = mkdtempSync(join(tmpdir(), 'papi-tui-backup-'))
const CTRL_U = '\u0015'

beforeAll(async () => {
  server = await testServer()
})
afterAll(async () => {
  await server?.store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('Backup screen (8)', () => {
  it('names a backup by the minute it is taken', () => {
    expect(defaultBackupFile(new Date('2026-12-04T21:30:59Z'))).toBe('papi-20261204-2130.papi-backup')
  })

  // Before the restore below, which signs everyone out.
  it('refuses a file that is not a papi backup, in the status line', async () => {
    const tui = await openTui(server, 8)
    await tui.settle('b: sao lưu')
    await tui.press('r')
    await tui.settle('Khôi phục từ tệp')
    await tui.press(join(import.meta.dirname, 'backup.tsx'), ENTER)
    await tui.settle('THAY TOÀN BỘ')
    await tui.press('y')
    const frame = await tui.settle('! Dữ liệu không hợp lệ.')
    expect(frame).not.toContain('Đã khôi phục')
    expect(await server.store.units.findByCode('KG')).toBeDefined()
    tui.ui.unmount()
  })

  it('backs the database up to a file, then restores it after asking, and signs everyone out', async () => {
    const file = join(dir, 'before.papi-backup')
    const tui = await openTui(server, 8)
    await tui.settle('b: sao lưu')
    await tui.press('b')
    await tui.settle('> papi-')
    await tui.press(CTRL_U, file, ENTER)
    await tui.settle(`vào ${file}.`)
    expect(existsSync(file) && statSync(file).size).toBeGreaterThan(0)

    // A unit added after the backup is gone once it is restored.
    await server.store.units.create(
      { code: 'KG-SAU', name: 'Đơn vị thêm sau khi sao lưu', level: 'province', kind: 'department', parentId: server.units.kg.id },
      CHANGE,
    )
    await tui.press('r')
    await tui.settle('Khôi phục từ tệp')
    await tui.press(file, ENTER)
    // The whole warning shows at 80 columns, wrapped: nothing at stake is cut off.
    expect((await tui.settle('THAY TOÀN BỘ')).replace(/\s+/g, ' ')).toContain('và đăng xuất mọi người — chắc chắn?')
    await tui.press('y')
    await tui.settle('Hãy đăng nhập lại.')
    expect(await server.store.units.findByCode('KG-SAU')).toBeUndefined()
    expect(await server.store.units.findByCode('KG')).toBeDefined()
    tui.ui.unmount()
  })
})
