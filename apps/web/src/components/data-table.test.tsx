import { fireEvent, screen } from '@solidjs/testing-library'
import { describe, expect, it } from 'vitest'
import { renderWithI18n } from '../test/render'
import { DataTable } from './data-table'

type Row = { code: string; name: string; rate: number }
const rows: Row[] = [
  { code: '1', name: 'UBND xã Minh Lương', rate: 50 },
  { code: '2', name: 'UBND phường Vĩnh Thanh Vân', rate: 100 },
  { code: '3', name: 'Sở Nội vụ', rate: 0 },
  { code: '4', name: 'Sở Tài nguyên và Môi trường', rate: 75 },
  { code: '5', name: 'UBND huyện Châu Thành', rate: 25 },
  { code: '6', name: 'UBND thành phố Rạch Giá', rate: 60 },
]
const columns = [
  { key: 'name', header: 'Đơn vị', cell: (r: Row) => r.name, sortValue: (r: Row) => r.name, filterText: (r: Row) => r.name },
  { key: 'rate', header: 'Tỷ lệ', numeric: true, cell: (r: Row) => String(r.rate), sortValue: (r: Row) => r.rate },
]
const firstColumn = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((tr) => tr.querySelector('td')?.textContent)

describe('DataTable', () => {
  it('sorts by a column header, then reverses', () => {
    renderWithI18n(() => <DataTable rows={rows} columns={columns} />)
    fireEvent.click(screen.getByRole('button', { name: /Tỷ lệ/ }))
    expect(firstColumn()[0]).toBe('Sở Nội vụ')
    expect(screen.getByRole('columnheader', { name: /Tỷ lệ/ }).getAttribute('aria-sort')).toBe('ascending')
    fireEvent.click(screen.getByRole('button', { name: /Tỷ lệ/ }))
    expect(firstColumn()[0]).toBe('UBND phường Vĩnh Thanh Vân')
  })

  it('filters without diacritics', () => {
    renderWithI18n(() => <DataTable rows={rows} columns={columns} />)
    fireEvent.input(screen.getByLabelText('Lọc'), { target: { value: 'chau thanh' } })
    expect(firstColumn()).toEqual(['UBND huyện Châu Thành'])
    expect(screen.getByText('1/6 dòng')).toBeTruthy()
  })

  it('says when there is nothing', () => {
    renderWithI18n(() => <DataTable rows={[]} columns={columns} empty="Không có nhiệm vụ quá hạn." />)
    expect(screen.getByText('Không có nhiệm vụ quá hạn.')).toBeTruthy()
  })
})
