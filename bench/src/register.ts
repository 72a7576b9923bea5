// The national register the generator builds its units from: the 34 provinces and their 3,321
// communes after the 2025 reorganisation, as @papi/register vendors and reads them.
import { readRegister as readNationalRegister } from '@papi/register'

export interface RegisterProvince {
  /** The NSO code ("91"). */
  code: string
  /** The area ("Tỉnh An Giang"). */
  area: string
  /** The People's Committee ("UBND tỉnh An Giang"). */
  name: string
  communes: { code: string; name: string }[]
}

/**
 * The provinces from 1 July 2025 with their communes, by NSO code.
 *
 * @example
 * (await readRegister()).length // 34
 */
export async function readRegister(): Promise<RegisterProvince[]> {
  const register = await readNationalRegister()
  const current = register.units.filter((u) => u.era === 'new' && u.officialCode !== undefined)
  const provinces = current
    .filter((u) => u.level === 'province')
    .map((p) => ({
      code: p.officialCode as string,
      area: p.name.replace(/^UBND\s+/u, '').replace(/^./u, (c) => c.toUpperCase()),
      name: p.name,
      communes: current
        .filter((c) => c.level === 'commune' && c.provinceCode === p.code)
        .map((c) => ({ code: c.officialCode as string, name: c.name }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    }))
  return provinces.sort((a, b) => a.code.localeCompare(b.code))
}
