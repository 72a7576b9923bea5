import stringWidth from 'string-width'

const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' })

/**
 * A text cut or padded to exactly `width` terminal columns. Vietnamese typed with combining marks
 * (NFD: "a" + U+0301) is normalised and measured by grapheme and display width (string-width), so
 * table columns line up whatever form the data came in.
 *
 * @example
 * fit('Kiên Giang', 6) // 'Kiên …'
 * fit('Kie\u0302n', 6) // 'Kiên  '
 */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return ''
  const clean = text.normalize('NFC').replace(/[\r\n\t]+/g, ' ')
  const full = stringWidth(clean)
  if (full <= width) {
    const pad = ' '.repeat(width - full)
    return align === 'left' ? clean + pad : pad + clean
  }
  let out = ''
  let used = 0
  for (const { segment } of segmenter.segment(clean)) {
    const w = stringWidth(segment)
    if (used + w > width - 1) break
    out += segment
    used += w
  }
  return `${out}…${' '.repeat(Math.max(0, width - 1 - used))}`
}

/** Display width of a text (columns). */
export const widthOf = (text: string) => stringWidth(text.normalize('NFC'))
