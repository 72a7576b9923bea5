/** @jsxRuntime automatic */
import { render } from 'ink-testing-library'
import { describe, expect, it } from 'vitest'
import { widthOf } from '../text'
import { Table } from './table'

const rows = [
  { name: 'UBND tỉnh Kiên Giang', code: 'KG' },
  // The same name typed with combining marks (NFD), as some Word exports carry it.
  { name: 'UBND tỉnh Kiên Giang'.normalize('NFD'), code: 'KG2' },
  { name: 'Sở Nội vụ', code: 'SNV' },
]

describe('Table', () => {
  it('lines up Vietnamese with combining marks: every row is as wide as the header', () => {
    const { lastFrame } = render(
      <Table
        columns={[
          { title: 'Tên', width: 24, value: (r: (typeof rows)[number]) => r.name },
          { title: 'Mã', width: 4, value: (r) => r.code },
        ]}
        rows={rows}
        selected={1}
        top={0}
        height={5}
        width={40}
        color={false}
        empty="—"
      />,
    )
    const lines = lastFrame()!.split('\n')
    expect(lines).toHaveLength(4)
    // The code column starts at the same terminal column on every line, NFC or NFD.
    const codeColumn = (line: string, code: string) => widthOf(line.slice(0, line.lastIndexOf(code)))
    expect([codeColumn(lines[0]!, 'Mã'), ...rows.map((r, i) => codeColumn(lines[i + 1]!, r.code))]).toEqual([27, 27, 27, 27])
    expect(lines[2]).toContain('› UBND tỉnh Kiên Giang')
  })

  it('shows the empty text when there are no rows', () => {
    const { lastFrame } = render(
      <Table
        columns={[{ title: 'Tên', value: (r: { n: string }) => r.n }]}
        rows={[]}
        selected={0}
        top={0}
        height={3}
        width={30}
        color={false}
        empty="Không có dòng nào."
      />,
    )
    expect(lastFrame()).toContain('Không có dòng nào.')
  })
})
