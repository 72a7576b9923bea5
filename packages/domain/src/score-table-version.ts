/**
 * The version of one framework's year of results as a whole — what `POST /scores/import` replaces.
 * An import names the table version it was based on (its preview answered it), so a result typed
 * meanwhile (`POST /scores` with the result's own version) is never silently overwritten: the
 * import answers 409 and stores nothing (#10, "every state-changing write names the version it
 * was based on").
 */

/** What the table version is made of: each stored result's unit and version, each not-ranked year's unit and last change. */
export interface ScoreTableState {
  results: readonly { unitId: string; version: number }[]
  notRanked: readonly { unitId: string; updatedAt: string }[]
}

/** The version of a year with nothing stored: like a record's 0, "nothing read yet". */
export const EMPTY_SCORE_TABLE_VERSION = '0'

/**
 * A short fingerprint of a stored year: the same for the same stored results and not-ranked
 * years, in any order; another as soon as one of them is stored, changed or removed.
 * `'0'` when nothing is stored.
 *
 * @example
 * scoreTableVersion({ results: [], notRanked: [] }) // '0'
 * scoreTableVersion({ results: [{ unitId: 'kg', version: 2 }], notRanked: [] }) // 't1-…'
 */
export function scoreTableVersion(state: ScoreTableState): string {
  const entries = [
    ...state.results.map((r) => `r ${r.unitId} ${r.version}`),
    ...state.notRanked.map((n) => `n ${n.unitId} ${n.updatedAt}`),
  ].sort()
  if (entries.length === 0) return EMPTY_SCORE_TABLE_VERSION
  return `t${entries.length}-${cyrb53(entries.join('\n'))}`
}

/** cyrb53 (public domain): a fast 53-bit string hash, enough to tell two states of a few hundred rows apart. */
function cyrb53(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}
