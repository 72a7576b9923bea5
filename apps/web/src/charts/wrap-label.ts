/**
 * Breaks a chart label into lines of at most `width` characters at spaces, so long dimension
 * names ("Kiểm soát tham nhũng trong khu vực công") stay whole on a phone instead of being cut
 * at the canvas edge. A word longer than `width` keeps its own line. chart.js draws an array of
 * strings as a multi-line tick label.
 *
 * @example
 * wrapLabel('Kiểm soát tham nhũng trong khu vực công', 16) // ['Kiểm soát tham', 'nhũng trong khu', 'vực công']
 */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.trim().split(/\s+/)) {
    if (line === '') line = word
    else if (line.length + 1 + word.length <= width) line = `${line} ${word}`
    else {
      lines.push(line)
      line = word
    }
  }
  if (line !== '') lines.push(line)
  return lines
}
