// Internal: a Word (.docx) document as lines and tables. Reads word/document.xml (Office Open
// XML, ECMA-376 part 1, §17) with JSZip and fast-xml-parser: paragraphs in reading order, tables
// as grids with merged cells resolved (a cell merged down repeats in each row it covers — a lead
// merged over three tasks leads all three; a cell merged across fills its first column only).

import { XMLParser } from 'fast-xml-parser'
import JSZip from 'jszip'
import { DOCUMENT_LIMITS } from '../document-limits'
import { normalizeText } from '../normalize-text'
import { entryText } from './capped-zip'
import { ReadFailure, TooLarge } from './messages'
import type { DocumentContent, SourceLine, SourceRow, SourceTable } from './document-content'

type XmlNode = Record<string, unknown>

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
})

function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@')
}

function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node)
  const value = tag ? node[tag] : undefined
  return Array.isArray(value) ? (value as XmlNode[]) : []
}

function attr(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, unknown> | undefined
  const value = attrs?.[name]
  return typeof value === 'string' ? value : undefined
}

function find(nodes: readonly XmlNode[], tag: string): XmlNode | undefined {
  return nodes.find((n) => tagOf(n) === tag)
}

// Containers whose content is read as if it stood in their place.
const TRANSPARENT = new Set([
  'w:r',
  'w:hyperlink',
  'w:ins',
  'w:smartTag',
  'w:sdt',
  'w:sdtContent',
  'w:fldSimple',
  'w:customXml',
  'w:moveTo',
])
// Deleted text and field codes are not part of what the reader sees.
const SKIPPED = new Set(['w:del', 'w:moveFrom', 'w:instrText', 'w:delText', 'w:rPr', 'w:pPr', 'w:sdtPr'])

/** The visible text of a paragraph; line breaks inside it kept as "\n". */
function paragraphText(nodes: readonly XmlNode[]): string {
  let out = ''
  for (const node of nodes) {
    const tag = tagOf(node)
    if (!tag || SKIPPED.has(tag)) continue
    if (tag === '#text') out += String(node[tag] ?? '')
    else if (tag === 'w:t')
      out += childrenOf(node)
        .map((t) => String(t['#text'] ?? ''))
        .join('')
    else if (tag === 'w:tab') out += ' '
    else if (tag === 'w:br' || tag === 'w:cr') out += '\n'
    else if (TRANSPARENT.has(tag)) out += paragraphText(childrenOf(node))
  }
  return out
}

interface Walk {
  lines: SourceLine[]
  tables: SourceTable[]
  paragraph: number
}

function addLines(walk: Walk, text: string, source: SourceLine['source']) {
  for (const line of normalizeText(text).split('\n')) {
    if (line !== '') walk.lines.push({ text: line, source })
  }
}

function walkBlocks(nodes: readonly XmlNode[], walk: Walk): void {
  for (const node of nodes) {
    const tag = tagOf(node)
    if (tag === 'w:p') {
      walk.paragraph += 1
      addLines(walk, paragraphText(childrenOf(node)), { line: walk.paragraph })
    } else if (tag === 'w:tbl') {
      readTable(childrenOf(node), walk)
    } else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') {
      walkBlocks(childrenOf(node), walk)
    }
  }
}

/** The text of a cell: its paragraphs (and those of tables nested in it), one per line. */
function cellText(nodes: readonly XmlNode[]): string {
  const parts: string[] = []
  for (const node of nodes) {
    const tag = tagOf(node)
    if (tag === 'w:p') parts.push(paragraphText(childrenOf(node)))
    else if (tag === 'w:tbl') {
      for (const row of childrenOf(node).filter((n) => tagOf(n) === 'w:tr')) {
        for (const cell of childrenOf(row).filter((n) => tagOf(n) === 'w:tc')) parts.push(cellText(childrenOf(cell)))
      }
    } else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') parts.push(cellText(childrenOf(node)))
  }
  return normalizeText(parts.join('\n'))
    .split('\n')
    .filter((l) => l !== '')
    .join('\n')
}

function readTable(nodes: readonly XmlNode[], walk: Walk): void {
  const table: SourceTable = { rows: [] }
  const tableNumber = walk.tables.length + 1
  const above: string[] = []
  let rowNumber = 0
  for (const tr of nodes.filter((n) => tagOf(n) === 'w:tr')) {
    rowNumber += 1
    const trChildren = childrenOf(tr)
    const trPr = find(trChildren, 'w:trPr')
    const before = Number(attr(find(trPr ? childrenOf(trPr) : [], 'w:gridBefore') ?? {}, 'w:val') ?? 0)
    const cells: string[] = Array<string>(before).fill('')
    const cellNodes = trChildren.flatMap((n) =>
      tagOf(n) === 'w:tc'
        ? [n]
        : tagOf(n) === 'w:sdt'
          ? childrenOf(find(childrenOf(n), 'w:sdtContent') ?? {}).filter((c) => tagOf(c) === 'w:tc')
          : [],
    )
    for (const tc of cellNodes) {
      const tcChildren = childrenOf(tc)
      const tcPr = find(tcChildren, 'w:tcPr')
      const props = tcPr ? childrenOf(tcPr) : []
      const span = Math.max(1, Number(attr(find(props, 'w:gridSpan') ?? {}, 'w:val') ?? 1))
      const vMerge = find(props, 'w:vMerge')
      const col = cells.length
      const continued = vMerge !== undefined && attr(vMerge, 'w:val') !== 'restart'
      const text = continued ? (above[col] ?? '') : cellText(tcChildren)
      cells.push(text, ...Array<string>(span - 1).fill(''))
      above[col] = text
      if (!continued) addLines(walk, text, { table: tableNumber, row: rowNumber })
    }
    const row: SourceRow = { cells, source: { table: tableNumber, row: rowNumber } }
    table.rows.push(row)
  }
  walk.tables.push(table)
}

// A paragraph's start tag (<w:p>, <w:p w:rsidR=…>, <w:p/>), not <w:pPr> or <w:pStyle>.
const PARAGRAPH = /<w:p[\s>/]/g

/**
 * Reads a .docx file. Rejects with a {@link ReadFailure} when it is not a Word document, with
 * {@link TooLarge} when its body unpacks past DOCUMENT_LIMITS.unpackedBytes or holds more
 * paragraphs than DOCUMENT_LIMITS.paragraphs (counted before the XML is parsed).
 */
export async function docxContent(data: Uint8Array): Promise<DocumentContent> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(data)
  } catch (cause) {
    throw new ReadFailure('damaged-docx', { cause })
  }
  const entry = zip.file('word/document.xml')
  if (!entry) throw new ReadFailure('no-docx-body')
  let xml: string
  try {
    xml = await entryText(entry)
  } catch (cause) {
    if (cause instanceof TooLarge) throw cause
    throw new ReadFailure('damaged-docx', { cause })
  }
  let paragraphs = 0
  for (const _ of xml.matchAll(PARAGRAPH)) {
    paragraphs += 1
    if (paragraphs > DOCUMENT_LIMITS.paragraphs) throw new TooLarge('paragraphs', DOCUMENT_LIMITS.paragraphs)
  }
  let tree: XmlNode[]
  try {
    tree = parser.parse(xml) as XmlNode[]
  } catch (cause) {
    throw new ReadFailure('bad-docx-xml', { cause })
  }
  const document = find(tree, 'w:document')
  const body = document ? find(childrenOf(document), 'w:body') : undefined
  const walk: Walk = { lines: [], tables: [], paragraph: 0 }
  walkBlocks(body ? childrenOf(body) : [], walk)
  return { lines: walk.lines, tables: walk.tables }
}
