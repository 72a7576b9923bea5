import { fireEvent, screen, waitFor } from '@solidjs/testing-library'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/api-error'
import type { ReportDto } from '../api/types'
import { renderWithI18n } from '../test/render'
import { reportFixture } from '../test/report-fixture'
import { ReviewActions, type ReviewAction } from './review-actions'

const report = (status: ReportDto['status']): ReportDto => reportFixture({ status, progress: 50, version: 2 })

function setup(status: ReportDto['status'], perform = vi.fn(async (r: ReportDto, _a: ReviewAction, _c?: string) => r)) {
  const onDone = vi.fn()
  renderWithI18n(() => <ReviewActions report={report(status)} perform={perform} onDone={onDone} />)
  return { perform, onDone }
}

describe('ReviewActions', () => {
  it('offers accept and return on a submitted report', () => {
    setup('submitted')
    expect(screen.getByRole('button', { name: 'Duyệt' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Trả lại' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Mở lại' })).toBeNull()
  })

  it('offers nothing on a draft (nothing to review yet)', () => {
    setup('draft')
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('accepts without asking for a comment', async () => {
    const { perform, onDone } = setup('submitted')
    fireEvent.click(screen.getByRole('button', { name: 'Duyệt' }))
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(perform.mock.calls[0]?.slice(1)).toEqual(['accept', undefined])
  })

  it('asks for a reason before returning', async () => {
    const { perform, onDone } = setup('submitted')
    fireEvent.click(screen.getByRole('button', { name: 'Trả lại' }))
    fireEvent.click(screen.getByRole('button', { name: 'Trả lại báo cáo' }))
    await screen.findByText('Nhập lý do trả lại.')
    expect(perform).not.toHaveBeenCalled()
    fireEvent.input(screen.getByLabelText('Lý do trả lại'), { target: { value: 'Bổ sung số liệu quý II' } })
    fireEvent.click(screen.getByRole('button', { name: 'Trả lại báo cáo' }))
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(perform.mock.calls[0]?.slice(1)).toEqual(['return', 'Bổ sung số liệu quý II'])
  })

  it('reopens an accepted report only with a reason', async () => {
    const { perform, onDone } = setup('accepted')
    expect(screen.queryByRole('button', { name: 'Duyệt' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Mở lại' }))
    fireEvent.click(screen.getByRole('button', { name: 'Mở lại báo cáo' }))
    await screen.findByText('Nhập lý do mở lại.')
    fireEvent.input(screen.getByLabelText('Lý do mở lại'), { target: { value: 'Số liệu quý II cần điều chỉnh' } })
    fireEvent.click(screen.getByRole('button', { name: 'Mở lại báo cáo' }))
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(perform.mock.calls[0]?.slice(1)).toEqual(['reopen', 'Số liệu quý II cần điều chỉnh'])
  })

  it('shows the API error beside the buttons', async () => {
    setup(
      'submitted',
      vi.fn(async () => {
        throw new ApiError(409, 'conflict', 'Dữ liệu đã thay đổi hoặc xung đột; vui lòng tải lại và thử lại.')
      }),
    )
    fireEvent.click(screen.getByRole('button', { name: 'Duyệt' }))
    expect((await screen.findByRole('alert')).textContent).toContain('Dữ liệu đã thay đổi')
  })
})
