// The README shows the examples as they are: each ```ts block is one file of examples/, whole,
// so what tooling/check-client-consumer.sh type-checks and runs is what a reader copies.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const packageDir = new URL('../', import.meta.url)
const readme = readFileSync(new URL('README.md', packageDir), 'utf8')
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1])
const examples = readdirSync(new URL('examples/', packageDir)).filter((name) => name.endsWith('.ts'))

describe('the README', () => {
  it.each(examples)('shows examples/%s whole', (name) => {
    expect(blocks).toContain(readFileSync(new URL(`examples/${name}`, packageDir), 'utf8'))
  })

  it('shows no TypeScript that is not an example file', () => {
    expect(blocks).toHaveLength(examples.length)
  })
})
