/** @jsxRuntime automatic */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FRAMEWORKS } from '@papi/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKSPACE, DOWN, ENTER, openTui, type TestServer, testServer } from '../test-kit'

let server: TestServer
const dir = mkdtempSync(join(tmpdir(), 'papi-tui-scores-'))

beforeAll(async () => {
  server = await testServer()
})
afterAll(async () => {
  await server?.store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('Scores screen (6)', () => {
  it('imports a score table from a file and shows the rows that matched no unit', async () => {
    // Kiên Giang by its code; a province papi does not know by name.
    const file = join(dir, 'papi-2018.csv')
    writeFileSync(file, 'unit,total,rank,rankOf\nKG,35.71,45,63\nAtlantis,30,63,63\n')
    const tui = await openTui(server, 6)
    await tui.settle('Không có dòng nào.')
    await tui.press('i')
    await tui.settle('Đường dẫn tệp')
    await tui.press(file, ENTER)
    await tui.settle('› papi-')
    await tui.press(...Array(FRAMEWORKS.findIndex((f) => f.id === 'papi-2018')).fill(DOWN))
    await tui.settle('› papi-2018')
    await tui.press(ENTER)
    await tui.settle('Năm')
    await tui.press(BACKSPACE.repeat(4), '2018', ENTER)
    // Previewed first: what would be stored and the rows matching no unit; Enter stores it.
    const panel = await tui.settle('Xem trước: sẽ lưu 1 kết quả papi-2018 năm 2018')
    expect(panel).toContain('1 dòng không khớp đơn vị:')
    expect(panel).toContain('dòng 3: Atlantis — không có tỉnh, thành phố này')
    expect(await server.store.scores.list({ unitId: server.units.kg.id })).toEqual([])
    await tui.press(ENTER)
    const frame = await tui.settle('Đã nhập 1 kết quả.')
    const row = frame.split('\n').find((line) => line.includes('UBND tỉnh Kiên Giang')) ?? ''
    expect(row.replace(/\s+/g, ' ')).toContain('UBND tỉnh Kiên Giang papi-2018 2018 35,71 45/63')
    expect(await server.store.scores.list({ unitId: server.units.kg.id })).toMatchObject([{ year: 2018, total: 35.71, rank: 45 }])
    tui.ui.unmount()
  })

  it('shows a year a unit was listed but not ranked in as "Không xếp hạng", not a gap', async () => {
    await server.store.scores.saveNotRanked(
      [{ unitId: server.units.kg.id, frameworkId: 'papi-2019', year: 2019, dimensions: [], note: 'not assessed' }],
      { actorId: null, at: new Date() },
    )
    const tui = await openTui(server, 6)
    const frame = await tui.settle('Không xếp hạng')
    const row = frame.split('\n').find((line) => line.includes('papi-2019')) ?? ''
    expect(row.replace(/\s+/g, ' ')).toContain('UBND tỉnh Kiên Giang papi-2019 2019 Không xếp hạng')
    tui.ui.unmount()
  })

  it('does not store over a score typed since the preview, and says why in the status line', async () => {
    const file = join(dir, 'papi-2018-again.csv')
    writeFileSync(file, 'unit,total,rank,rankOf\nKG,36.02,47,63\n')
    const tui = await openTui(server, 6)
    await tui.settle('papi-2018')
    await tui.press('i')
    await tui.settle('Đường dẫn tệp')
    await tui.press(file, ENTER)
    await tui.settle('› papi-')
    await tui.press(...Array(FRAMEWORKS.findIndex((f) => f.id === 'papi-2018')).fill(DOWN))
    await tui.settle('› papi-2018')
    await tui.press(ENTER)
    await tui.settle('Năm')
    await tui.press(BACKSPACE.repeat(4), '2018', ENTER)
    await tui.settle('Xem trước: sẽ lưu 1 kết quả papi-2018 năm 2018')
    // Someone corrects Kiên Giang's 2018 result (naming its version) while the preview is open.
    const [stored] = await server.store.scores.list({ unitId: server.units.kg.id, year: 2018 })
    const { id: _id, index: _index, ...result } = stored!
    await server.store.scores.save([{ ...result, total: 35.8 }], { actorId: null, at: new Date() })
    await tui.press(ENTER)
    await tui.settle('đã thay đổi kể từ khi bạn xem trước')
    expect(await server.store.scores.list({ unitId: server.units.kg.id, year: 2018 })).toMatchObject([{ total: 35.8 }])
    tui.ui.unmount()
  })

  it('says so in the status line when the file cannot be read', async () => {
    const tui = await openTui(server, 6)
    await tui.settle('dòng')
    await tui.press('i')
    await tui.settle('Đường dẫn tệp')
    await tui.press(join(dir, 'missing.csv'), ENTER)
    await tui.settle('› papi-')
    await tui.press(ENTER)
    await tui.settle('Năm')
    await tui.press(ENTER)
    await tui.settle(`Không đọc được tệp ${join(dir, 'missing.csv')}.`)
    tui.ui.unmount()
  })
})
