/**
 * Cleans text pasted from a legal-document portal or Word before anything reads it: NFC (so "ệ"
 * is one character however it was typed), LF line ends, no zero-width or soft-hyphen characters,
 * non-breaking spaces and tabs as plain spaces, one space between words, no spaces at line ends,
 * and no Markdown emphasis left by copy-paste ("**TM. ỦY BAN NHÂN DÂN"). Lines stay where they
 * are, empty ones too: the portal layout puts each table cell on its own line.
 *
 * @example
 * normalizeText('Ke\u0302\u0301 hoa\u0323ch\u00a097/KH-UBND\r\n') // 'Kế hoạch 97/KH-UBND\n'
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2007\u202f\t\v\f]/g, ' ')
    .split('\n')
    .map((line) =>
      line
        .replace(/\*{1,2}([^*\n]+?)\*{1,2}/g, '$1')
        .replace(/^\*{2,}|\*{2,}$/g, '')
        .replace(/ {2,}/g, ' ')
        .trim(),
    )
    .join('\n')
}
