import { describe, expect, it } from 'vitest'
import { versionRows } from './units-page'

const unit = (extra: object = {}) => ({
  id: 'p46',
  code: 'P46',
  name: 'UBND thành phố Huế',
  level: 'province' as const,
  kind: 'people-committee' as const,
  parentId: null,
  successorIds: ['p46-2025'],
  validTo: '2025-06-30',
  ...extra,
})
const version = (validFrom: string | undefined, validTo: string | undefined, name: string) => ({
  ...(validFrom && { validFrom }),
  ...(validTo && { validTo }),
  name,
  parentId: null,
  level: 'province' as const,
  kind: 'people-committee' as const,
})
const history = (versions: ReturnType<typeof version>[]) => ({ unit: unit(), versions, predecessors: [], successors: [] })

describe('versionRows', () => {
  it('shows the renamed Huế once per name: its last version runs to its end, no extra row', () => {
    const rows = versionRows(
      history([version(undefined, '2024-12-31', 'UBND tỉnh Thừa Thiên Huế'), version('2025-01-01', '2025-06-30', 'UBND thành phố Huế')]),
    )
    expect(rows.map((r) => [r.validFrom ?? null, r.validTo ?? null, r.name])).toEqual([
      [null, '2024-12-31', 'UBND tỉnh Thừa Thiên Huế'],
      ['2025-01-01', '2025-06-30', 'UBND thành phố Huế'],
    ])
  })

  it('adds the unit as it is now after versions that ended before it', () => {
    const rows = versionRows(history([version(undefined, '2024-12-31', 'UBND tỉnh Thừa Thiên Huế')]))
    expect(rows.at(-1)).toMatchObject({ validFrom: '2025-01-01', validTo: '2025-06-30', name: 'UBND thành phố Huế' })
    expect(rows).toHaveLength(2)
  })
})
