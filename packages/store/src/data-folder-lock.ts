import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

/** The file inside a PGlite data folder that names the process holding it. */
export const LOCK_FILE = 'papi.lock'

/** Who holds a data folder: written into the lock file as JSON. */
export interface LockHolder {
  pid: number
  host: string
  /** The command line, so the message can say which program to stop ("papi serve"). */
  command: string
  since: string
}

/**
 * A second process tried to open a PGlite data folder another one holds. PGlite is a single
 * process database: two writers on one folder lose acknowledged writes (issue #10, hole 4).
 */
export class DataFolderLockedError extends Error {
  override readonly name = 'DataFolderLockedError'
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `the data folder ${dataDir} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}); ` +
        'stop that process first, or send the change through its API, or share one PostgreSQL database (DATABASE_URL) between processes. ' +
        `/ Thư mục dữ liệu ${dataDir} đang được tiến trình ${holder.pid} (${holder.command}) sử dụng; hãy dừng tiến trình đó trước ` +
        'hoặc thực hiện thao tác qua API của nó.',
    )
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as LockHolder
    return Number.isInteger(holder.pid) ? holder : undefined
  } catch {
    return undefined
  }
}

/**
 * Takes the data folder for this process, or throws {@link DataFolderLockedError} naming the
 * process that holds it. A lock left by a process that is gone (killed, crashed) is taken over.
 * Answers the release, which removes the lock file if it is still ours.
 *
 * @example
 * const release = lockDataFolder('./.papi-data')
 * try { … } finally { release() }
 */
export function lockDataFolder(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE)
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command: process.argv.slice(1).join(' ').slice(0, 200) || 'node',
    since: new Date().toISOString(),
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // 'wx': create, failing if it exists — atomic, so of two openers exactly one wins.
      const fd = openSync(path, 'wx')
      writeSync(fd, JSON.stringify(me))
      closeSync(fd)
      return () => {
        if (readHolder(path)?.pid === me.pid) unlinkSync(path)
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = readHolder(path)
    // An unreadable lock may be one being written right now: look again before judging it.
    if (holder === undefined && attempt === 0) continue
    if (holder !== undefined && (holder.host !== me.host || isAlive(holder.pid))) throw new DataFolderLockedError(dataDir, holder)
    // Stale: its process is gone. Look once more right before removing it, so a lock another
    // opener has just put in its place is not the one removed.
    if (holder !== undefined && readHolder(path)?.since !== holder.since) continue
    try {
      unlinkSync(path)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  const holder = readHolder(path)
  throw new DataFolderLockedError(dataDir, holder ?? { pid: -1, host: me.host, command: 'unknown', since: 'unknown' })
}
