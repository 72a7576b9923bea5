/**
 * A `Content-Disposition: attachment` value that names the file in every browser: a plain ASCII
 * `filename` for old clients, and the real name as `filename*` (RFC 6266, RFC 5987: UTF-8,
 * percent-encoded), which current clients prefer.
 *
 * @example
 * attachment({ ascii: 'bao-cao-97-KH-UBND-2018Q2.xlsx', unicode: 'Báo cáo 97-KH-UBND 2018Q2.xlsx' })
 * // `attachment; filename="bao-cao-97-KH-UBND-2018Q2.xlsx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%2097-KH-UBND%202018Q2.xlsx`
 */
export function attachment(name: { ascii: string; unicode: string }): string {
  // A quoted-string holds no quote, backslash or control character; anything outside ASCII goes too.
  const ascii = name.ascii.replace(/[^\x20-\x7e]|["\\]/g, '_')
  // RFC 5987 attr-char is narrower than what encodeURIComponent leaves alone: ' ( ) * must go too.
  const encoded = encodeURIComponent(name.unicode).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
