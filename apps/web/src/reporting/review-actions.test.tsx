import { fireEvent, screen, waitFor } from '@solidjs/testing-library'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/api-error'
import type { ReportDto } from '../api/types'
import { renderWithI18n } from '../test/render'
import { ReviewActions } from './review-actions'

const report = (status: ReportDto['status']): ReportDto => ({
  id: 'r-1',
  taskId: 't',
  unitId: 'xa-a',
  periodId: '2018Q2',
  status,
  workStatus: 'in-progress',
  progress: 50,
  narrative: '',
  kpiValues: [],
  evidence: [],
  version: 2,
})

describe('ReviewActions', () => {
  it('offers accept and return on a submitted report', () => {
    renderWithI18n(() => <ReviewActions report={report('submitted')} accept={vi.fn()} return={vi.fn()} onDone={vi.fn()} />)
    expect(screen.getByRole('button', { name: 'Duyệt' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Trả lại' })).toBeTruthy()
  })

  it('offers nothing on a draft (nothing to review yet)', () => {
    renderWithI18n(() => <ReviewActions report={report('draft')} accept={vi.fn()} return={vi.fn()} onDone={vi.fn()} />)
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('asks for a reason before returning', async () => {
    const ret = vi.fn(async (r: ReportDto, _c: string) => ({ ...r, status: 'returned' as const }))
    const onDone = vi.fn()
    renderWithI18n(() => <ReviewActions report={report('submitted')} accept={vi.fn()} return={ret} onDone={onDone} />)
    fireEvent.click(screen.getByRole('button', { name: 'Trả lại' }))
    fireEvent.click(screen.getByRole('button', { name: 'Trả lại báo cáo' }))
    await screen.findByText('Nhập lý do trả lại.')
    expect(ret).not.toHaveBeenCalled()
    fireEvent.input(screen.getByLabelText('Lý do trả lại'), { target: { value: 'Bổ sung số liệu quý II' } })
    fireEvent.click(screen.getByRole('button', { name: 'Trả lại báo cáo' }))
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(ret.mock.calls[0]?.[1]).toBe('Bổ sung số liệu quý II')
  })

  it('shows the API error beside the buttons', async () => {
    const accept = vi.fn(async () => {
      throw new ApiError(409, 'conflict', 'Dữ liệu đã thay đổi hoặc xung đột; vui lòng tải lại và thử lại.')
    })
    renderWithI18n(() => <ReviewActions report={report('submitted')} accept={accept} return={vi.fn()} onDone={vi.fn()} />)
    fireEvent.click(screen.getByRole('button', { name: 'Duyệt' }))
    expect((await screen.findByRole('alert')).textContent).toContain('Dữ liệu đã thay đổi')
  })
})
