// Internal: reading zip entries (.docx, .xlsx) without letting a zip bomb inflate in memory.
// JSZip's stream hands over the inflated bytes a chunk at a time; reading stops at the limit, so
// memory holds at most the limit plus one chunk, whatever the entry's header claims.

import type JSZip from 'jszip'
import { DOCUMENT_LIMITS } from '../document-limits'
import { TooLarge } from './messages'

/**
 * Streams one entry, handing each inflated chunk to `onChunk`, and stops with {@link TooLarge}
 * once more than `budget.left` bytes came out; `budget.left` is lowered by what was read, so one
 * budget may cover several entries.
 */
export function streamEntry(
  entry: JSZip.JSZipObject,
  budget: { left: number },
  onChunk: (chunk: Uint8Array) => void = () => {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    // internalStream is public in JSZip (zipObject.js) but missing from its typings.
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream(
      'uint8array',
    )
    stream
      .on('data', (chunk: Uint8Array) => {
        budget.left -= chunk.byteLength
        if (budget.left < 0) {
          stream.pause()
          reject(new TooLarge('unpackedBytes', DOCUMENT_LIMITS.unpackedBytes))
          return
        }
        onChunk(chunk)
      })
      .on('error', reject)
      .on('end', () => resolve())
      .resume()
  })
}

/**
 * The text of one entry (UTF-8), read within the unpacked-size limit.
 *
 * @example
 * const xml = await entryText(zip.file('word/document.xml')!) // throws TooLarge past 16 MB
 */
export async function entryText(entry: JSZip.JSZipObject, budget = { left: DOCUMENT_LIMITS.unpackedBytes }): Promise<string> {
  const decoder = new TextDecoder('utf-8')
  let text = ''
  await streamEntry(entry, budget, (chunk) => {
    text += decoder.decode(chunk, { stream: true })
  })
  return text + decoder.decode()
}

/**
 * How often `token` (a short pattern, under 16 characters) occurs in an entry, counted while
 * streaming it within the budget; a match split across two chunks is counted once.
 */
export async function countInEntry(entry: JSZip.JSZipObject, token: RegExp, budget: { left: number }): Promise<number> {
  const decoder = new TextDecoder('utf-8')
  const pattern = new RegExp(token.source, token.flags.includes('g') ? token.flags : `${token.flags}g`)
  let count = 0
  let tail = ''
  await streamEntry(entry, budget, (chunk) => {
    const text = tail + decoder.decode(chunk, { stream: true })
    // Matches starting in the last 16 characters may run into the next chunk: they are counted with it.
    const cut = Math.max(0, text.length - 16)
    for (const match of text.matchAll(pattern)) if (match.index < cut) count += 1
    tail = text.slice(cut)
  })
  for (const _ of (tail + decoder.decode()).matchAll(pattern)) count += 1
  return count
}
