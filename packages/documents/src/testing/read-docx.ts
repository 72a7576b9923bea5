// Reads a written .docx back — the body's paragraphs and tables as text, and the raw
// document.xml for layout checks. For tests (here and in the apps), through `@papi/documents/testing`.
import { XMLParser } from 'fast-xml-parser'
import JSZip from 'jszip'

type Node = Record<string, unknown> & { ':@'?: Record<string, string> }

export interface DocxContent {
  xml: string
  /** Paragraphs outside tables, in order. */
  paragraphs: string[]
  /** Tables in order: rows of cell texts (a cell's paragraphs joined with a newline). */
  tables: string[][][]
}

export async function readDocx(bytes: Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes)
  const xml = await zip.file('word/document.xml')?.async('string')
  if (xml === undefined) throw new Error('no word/document.xml in the file')
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, trimValues: false })
  const tree = parser.parse(xml) as Node[]
  const body = children(find(children(find(tree, 'w:document')), 'w:body'))
  const paragraphs: string[] = []
  const tables: string[][][] = []
  for (const node of body) {
    if ('w:p' in node) paragraphs.push(text(node))
    if ('w:tbl' in node) tables.push(tableRows(node))
  }
  return { xml, paragraphs, tables }
}

function tableRows(table: Node): string[][] {
  return children(table)
    .filter((n) => 'w:tr' in n)
    .map((row) =>
      children(row)
        .filter((n) => 'w:tc' in n)
        .map((cell) =>
          children(cell)
            .filter((n) => 'w:p' in n)
            .map(text)
            .join('\n'),
        ),
    )
}

function text(node: Node): string {
  let out = ''
  const walk = (n: Node) => {
    for (const [key, value] of Object.entries(n)) {
      if (key === ':@') continue
      if (key === 'w:t' && Array.isArray(value)) out += value.map((v: Node) => String(v['#text'] ?? '')).join('')
      else if (key === 'w:br') out += '\n'
      else if (Array.isArray(value)) for (const child of value as Node[]) walk(child)
    }
  }
  walk(node)
  return out
}

function find(nodes: Node[], tag: string): Node {
  const node = nodes.find((n) => tag in n)
  if (node === undefined) throw new Error(`no <${tag}>`)
  return node
}

function children(node: Node): Node[] {
  const key = Object.keys(node).find((k) => k !== ':@')
  const value = key === undefined ? undefined : node[key]
  return Array.isArray(value) ? (value as Node[]) : []
}
