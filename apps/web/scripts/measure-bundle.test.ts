import { describe, expect, it } from 'vitest'
import { entryScripts, staticImports } from './measure-bundle'

describe('entryScripts', () => {
  it('reads the module entry and the modulepreload links, not external URLs', () => {
    const html = `<script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/solid-b.js">
      <link rel="stylesheet" href="/assets/index.css">
      <script src="https://elsewhere.example/x.js"></script>`
    expect(entryScripts(html)).toEqual(['assets/index-a.js', 'assets/solid-b.js'])
  })
})

describe('staticImports', () => {
  it('follows static imports and re-exports but not dynamic import()', () => {
    const code = 'import{a as b}from"./solid-x.js";import"./side.js";export{c}from"./c.js";const p=()=>import("./page.js")'
    expect(staticImports(code)).toEqual(['./solid-x.js', './side.js', './c.js'])
  })
})
