import { describe, expect, it } from 'vitest'
import { prepareInk } from './ink-env'

describe('prepareInk', () => {
  it('clears CI and CONTINUOUS_INTEGRATION, which make Ink draw only the last frame', () => {
    const env: NodeJS.ProcessEnv = { CI: 'true', CONTINUOUS_INTEGRATION: '1', PATH: '/usr/bin' }
    prepareInk(env)
    expect(env).toEqual({ PATH: '/usr/bin' })
  })

  it('turns colours off through FORCE_COLOR=0 when NO_COLOR is set, and only then', () => {
    const plain: NodeJS.ProcessEnv = { NO_COLOR: '1' }
    prepareInk(plain)
    expect(plain.FORCE_COLOR).toBe('0')
    const coloured: NodeJS.ProcessEnv = {}
    prepareInk(coloured)
    expect(coloured.FORCE_COLOR).toBeUndefined()
  })
})
