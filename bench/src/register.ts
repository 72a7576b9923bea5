// The national register the generator builds its units from: 34 provinces and their 3,321
// communes after the 2025 reorganisation. Until the register is vendored into the repository
// (the organisation work), it is read from the shared data folder's conversion table.
import { readFileSync } from 'node:fs'

export const DEFAULT_REGISTER_CSV = '/work/shared/data/vn-admin-units/conversion-2025-07-01.csv'

export interface RegisterProvince {
  code: string
  name: string
  communes: { code: string; name: string }[]
}

/** RFC 4180 rows: quoted cells may hold commas, quotes ("") and line breaks. */
function csvRows(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += ch
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell])
  return rows
}

/**
 * The provinces with their communes, in register order (province code, then commune code).
 *
 * @example
 * readRegister().length // 34
 */
export function readRegister(path = DEFAULT_REGISTER_CSV): RegisterProvince[] {
  const provinces = new Map<string, RegisterProvince>()
  for (const cells of csvRows(readFileSync(path, 'utf8')).slice(2)) {
    const province = cells[0]?.trim() ?? ''
    const communeName = cells[1]?.trim() ?? ''
    const communeCode = cells[2]?.trim() ?? ''
    const match = /^(.*)\((\d+)\)$/.exec(province)
    if (!match || !communeCode) continue // banner rows name a province without a commune
    const code = match[2] as string
    let p = provinces.get(code)
    if (!p) {
      p = { code, name: (match[1] as string).trim(), communes: [] }
      provinces.set(code, p)
    }
    if (!p.communes.some((c) => c.code === communeCode)) p.communes.push({ code: communeCode, name: communeName.replace(/\s+/g, ' ') })
  }
  const list = [...provinces.values()].sort((a, b) => a.code.localeCompare(b.code))
  for (const p of list) p.communes.sort((a, b) => a.code.localeCompare(b.code))
  return list
}
