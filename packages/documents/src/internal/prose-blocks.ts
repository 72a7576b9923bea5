// Internal: the numbered structure of a plan written as prose — parts "I.", items "1.",
// sub-items "1.1.", letters "a)", bullets "-" and "+" — as a tree. Lào Cai 165/KH-UBND, Đức Hợp
// 2023 and Thừa Thiên Huế 2024 (fixtures/seeds) are written so.

import type { SourceLine, SourceRef } from './document-content'

export type BlockKind = 'part' | 'item' | 'subitem' | 'letter' | 'bullet' | 'subbullet' | 'para'

export interface Block {
  kind: BlockKind
  /** The numbering as written: "II", "1", "1.2", "a"; empty for bullets and paragraphs. */
  label: string
  /** For a sub-item "1.2.", its own number ("2"). */
  number?: string
  text: string
  source: SourceRef
}

export interface BlockNode {
  block: Block
  children: BlockNode[]
}

const LEVEL: Record<BlockKind, number> = {
  part: 0,
  item: 1,
  subitem: 2,
  letter: 3,
  bullet: 4,
  subbullet: 5,
  para: 6,
}

const PART = /^([IVX]{1,5})\.\s*(\S.*)$/u
const SUBITEM = /^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$/u
const ITEM = /^(\d{1,2})[.)]\s+(\S.*)$/u
const LETTER = /^([a-kđ])[).]\s+(\S.*)$/u
const SEPARATOR = /^[-_=.*\s]+$/u
const BULLET = /^[-–—•·]\s*(\S.*)$/u
const SUBBULLET = /^\+\s*(\S.*)$/u

/** What kind of block a line is. */
export function blockOf(line: SourceLine): Block | undefined {
  const text = line.text.trim()
  if (text === '' || SEPARATOR.test(text)) return undefined
  const source = line.source
  let m = PART.exec(text)
  if (m) return { kind: 'part', label: m[1] ?? '', text: m[2] ?? '', source }
  m = SUBITEM.exec(text)
  if (m) return { kind: 'subitem', label: `${m[1]}.${m[2]}`, number: m[2] ?? '', text: m[3] ?? '', source }
  m = ITEM.exec(text)
  if (m) return { kind: 'item', label: m[1] ?? '', text: m[2] ?? '', source }
  m = LETTER.exec(text)
  if (m) return { kind: 'letter', label: m[1] ?? '', text: m[2] ?? '', source }
  m = SUBBULLET.exec(text)
  if (m) return { kind: 'subbullet', label: '', text: m[1] ?? '', source }
  m = BULLET.exec(text)
  if (m) return { kind: 'bullet', label: '', text: m[1] ?? '', source }
  return { kind: 'para', label: '', text, source }
}

/**
 * Blocks as a tree: each numbered block holds what follows it until a block of its level or
 * above. Paragraphs never hold anything; they belong to the block before them.
 */
export function blockTree(blocks: readonly Block[]): BlockNode[] {
  const roots: BlockNode[] = []
  const stack: BlockNode[] = []
  for (const block of blocks) {
    const node: BlockNode = { block, children: [] }
    const level = LEVEL[block.kind]
    if (block.kind !== 'para') {
      while (stack.length > 0 && LEVEL[stack[stack.length - 1]!.block.kind] >= level) stack.pop()
    }
    const parent = stack.at(-1)
    if (parent) parent.children.push(node)
    else roots.push(node)
    if (block.kind !== 'para') stack.push(node)
  }
  return roots
}
