import { PassThrough } from 'node:stream'
import { openPgliteClone } from '@papi/store/testing'
import { describe, expect, it } from 'vitest'
import { runCommands } from '../command'
import { CommandError } from '../command-error'
import { benchCommand } from './bench'

function io() {
  const out: string[] = []
  const err = new PassThrough() as unknown as NodeJS.WriteStream
  return {
    out,
    io: { stdout: (t: string) => void out.push(t), stderr: err, openStore: () => openPgliteClone() },
    output: { stdout: (t: string) => void out.push(t), stderr: () => {} },
  }
}

describe('papi bench generate', () => {
  it('writes the small dataset and says what it wrote, as one JSON document with --json', async () => {
    const t = io()
    await runCommands([benchCommand('en', t.io)], ['bench', 'generate', '--scale', 'small', '--json'], t.output, 'en')
    const result = JSON.parse(t.out.join(''))
    // Two provinces of the register, 12 communes and 5 departments each, under a national root.
    expect(result).toMatchObject({ scale: 'small', units: 37, plans: 2, tasks: 20 })
    expect(result.reports).toBeGreaterThan(800)
  }, 120_000)

  it('refuses an unknown scale as a command-line error', async () => {
    const t = io()
    await expect(runCommands([benchCommand('vi', t.io)], ['bench', 'generate', '--scale', 'huge'], t.output, 'vi')).rejects.toBeInstanceOf(
      CommandError,
    )
  })
})
