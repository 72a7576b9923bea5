// Hostile plan documents, built in memory for the tests that keep #10 hole 5 closed: small files
// that unpack or parse into something huge. Each is what an attacker would upload, not a fixture
// of a real plan. For tests (here and in the API), through `@papi/documents/testing`.
import JSZip from 'jszip'

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>'
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>'
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

async function docx(body: string | Uint8Array): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file('[Content_Types].xml', CONTENT_TYPES)
  zip.file('_rels/.rels', ROOT_RELS)
  const open = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>`
  const close = '</w:body></w:document>'
  if (typeof body === 'string') zip.file('word/document.xml', open + body + close)
  else {
    const [head, tail] = [new TextEncoder().encode(open), new TextEncoder().encode(close)]
    const xml = new Uint8Array(head.length + body.length + tail.length)
    xml.set(head)
    xml.set(body, head.length)
    xml.set(tail, head.length + body.length)
    zip.file('word/document.xml', xml)
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } })
}

/**
 * A .docx whose document.xml unpacks to about `megabytes` MB of one paragraph's text: a zip bomb
 * (deflate packs a repeated run about 1000 : 1).
 *
 * @example
 * const bomb = await docxBomb(600) // ~600 KB on the wire, 600 MB unpacked
 */
export function docxBomb(megabytes: number): Promise<Uint8Array> {
  // Bytes, not a string: V8 strings stop at 512 MB.
  const [open, close] = [new TextEncoder().encode('<w:p><w:r><w:t>'), new TextEncoder().encode('</w:t></w:r></w:p>')]
  const body = new Uint8Array(megabytes * 1024 * 1024).fill(0x61)
  body.set(open)
  body.set(close, body.length - close.length)
  return docx(body)
}

/**
 * A .docx of `count` paragraphs, empty or of `text(i)`: small packed, but a million nodes to walk.
 *
 * @example
 * const many = await docxManyParagraphs(1_100_000) // ~160 KB
 */
export function docxManyParagraphs(count: number, text?: (i: number) => string): Promise<Uint8Array> {
  if (!text) return docx('<w:p/>'.repeat(count))
  const paragraphs: string[] = []
  for (let i = 1; i <= count; i += 1) paragraphs.push(`<w:p><w:r><w:t>${text(i)}</w:t></w:r></w:p>`)
  return docx(paragraphs.join(''))
}

/**
 * A .docx whose body nests `depth` elements inside each other: a few KB packed, a parser that
 * recurses per level runs out of stack.
 *
 * @example
 * const deep = await docxDeeplyNested(100_000)
 */
export function docxDeeplyNested(depth: number): Promise<Uint8Array> {
  return docx(`<w:p><w:r>${'<w:t>'.repeat(depth)}sâu${'</w:t>'.repeat(depth)}</w:r></w:p>`)
}

/**
 * A .docx whose document.xml declares entities that expand into each other ("billion laughs"):
 * a parser that expands them builds gigabytes from 1 KB.
 */
export function docxEntityBomb(): Promise<Uint8Array> {
  const entities = ['<!ENTITY a0 "ha">']
  for (let i = 1; i <= 10; i += 1) entities.push(`<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`)
  const zip = new JSZip()
  zip.file('[Content_Types].xml', CONTENT_TYPES)
  zip.file('_rels/.rels', ROOT_RELS)
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [${entities.join('')}]>` +
      `<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&a10;</w:t></w:r></w:p></w:body></w:document>`,
  )
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

/**
 * A .xlsx of one sheet with `rows` rows of three cells each (inline strings, no shared table).
 *
 * @example
 * const sheet = await xlsxManyRows(300_000)
 */
export async function xlsxManyRows(rows: number): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '</Types>',
  )
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '</Relationships>',
  )
  zip.file(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="KH" sheetId="1" r:id="rId1"/></sheets></workbook>',
  )
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '</Relationships>',
  )
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`
  const body: string[] = []
  for (let r = 1; r <= rows; r += 1)
    body.push(`<row r="${r}">${cell(`A${r}`, `${r}`)}${cell(`B${r}`, 'Nhiệm vụ')}${cell(`C${r}`, 'Sở Nội vụ')}</row>`)
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body.join('')}</sheetData></worksheet>`,
  )
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } })
}
