import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DataFolderLockedError, LOCK_FILE, lockDataFolder } from './data-folder-lock'
import { openStore } from './open-store'
import { templateDataFolder } from './test-backend'

describe('one process per PGlite data folder (issue #10, hole 4)', () => {
  const root = mkdtempSync(join(tmpdir(), 'papi-lock-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('a second opener is refused with a message naming the process that holds the folder', async () => {
    const dataDir = join(root, 'twice')
    // A migrated folder to start with (open-store.test.ts makes one from nothing).
    templateDataFolder(dataDir)
    const first = await openStore({ dataDir })
    const second = openStore({ dataDir })
    await expect(second).rejects.toBeInstanceOf(DataFolderLockedError)
    await expect(second).rejects.toThrow(new RegExp(`in use by process ${process.pid}`))
    await first.close()
    // Released on close: the next opener gets in.
    const third = await openStore({ dataDir })
    await third.close()
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false)
  })

  it('another process holding the folder is named too', async () => {
    const dataDir = join(root, 'other-process')
    mkdirSync(dataDir)
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    try {
      writeFileSync(
        join(dataDir, LOCK_FILE),
        JSON.stringify({ pid: holder.pid, host: hostname(), command: 'papi serve', since: new Date().toISOString() }),
      )
      expect(() => lockDataFolder(dataDir)).toThrow(new RegExp(`process ${holder.pid} \\(papi serve`))
    } finally {
      holder.kill('SIGKILL')
    }
  })

  it('a lock left by a killed process is taken over', () => {
    const dataDir = join(root, 'stale')
    mkdirSync(dataDir)
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' })
    writeFileSync(
      join(dataDir, LOCK_FILE),
      JSON.stringify({ pid: Number(gone.stdout.trim()), host: hostname(), command: 'papi serve', since: '2026-01-01T00:00:00Z' }),
    )
    const release = lockDataFolder(dataDir)
    release()
  })
})
