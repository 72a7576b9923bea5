import { fireEvent, screen, waitFor } from '@solidjs/testing-library'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/api-error'
import type { PeriodNarrativeDto, SavePeriodNarrativeInput } from '../api/types'
import { renderWithI18n } from '../test/render'
import { NarrativeEditor, reportPeriodOf } from './period-report'

const narrative = (over: Partial<PeriodNarrativeDto> = {}): PeriodNarrativeDto => ({
  planId: 'p-1',
  periodId: '2018S1',
  results: '',
  limits: '',
  nextTasks: '',
  proposals: '',
  version: 0,
  updatedAt: null,
  updatedBy: null,
  editable: true,
  ...over,
})

describe('reportPeriodOf', () => {
  const periods = [
    { code: '2018S1', dueOn: '2018-06-18' },
    { code: '2018', dueOn: '2018-12-18' },
  ]
  it.each([
    ['2018-07-01', '2018S1'],
    ['2019-01-05', '2018'],
    ['2018-03-01', '2018S1'],
  ])('on %s the report being written is %s', (day, code) => {
    expect(reportPeriodOf(periods, day)).toBe(code)
  })
  it('no period, no report', () => expect(reportPeriodOf([], '2018-07-01')).toBeUndefined())
})

describe('NarrativeEditor', () => {
  it('shows the four parts in Vietnamese and saves them with the version read', async () => {
    const save = vi.fn(async (body: SavePeriodNarrativeInput) => narrative({ ...body, version: 1 }))
    const onSaved = vi.fn()
    renderWithI18n(() => <NarrativeEditor narrative={narrative()} save={save} onSaved={onSaved} />)
    const button = screen.getByRole('button', { name: 'Lưu báo cáo kỳ' }) as HTMLButtonElement
    expect(button.disabled).toBe(true)
    fireEvent.input(screen.getByLabelText('I. Kết quả đạt được'), { target: { value: 'Hoàn thành 12/15 nhiệm vụ.' } })
    fireEvent.input(screen.getByLabelText('IV. Đề xuất, kiến nghị'), { target: { value: 'Đề nghị tập huấn.' } })
    expect(screen.getByLabelText('II. Tồn tại, hạn chế và nguyên nhân')).toBeTruthy()
    expect(screen.getByLabelText('III. Nhiệm vụ trọng tâm kỳ tới')).toBeTruthy()
    fireEvent.click(button)
    await screen.findByText('Đã lưu báo cáo kỳ.')
    expect(save).toHaveBeenCalledWith({
      results: 'Hoàn thành 12/15 nhiệm vụ.',
      limits: '',
      nextTasks: '',
      proposals: 'Đề nghị tập huấn.',
      version: 0,
    })
    expect(onSaved.mock.calls[0]?.[0]).toMatchObject({ version: 1 })
    // The next save sends the version the last one answered.
    fireEvent.input(screen.getByLabelText('III. Nhiệm vụ trọng tâm kỳ tới'), { target: { value: 'Rà soát thủ tục.' } })
    fireEvent.click(button)
    await waitFor(() => expect(save).toHaveBeenCalledTimes(2))
    expect(save.mock.calls[1]?.[0]).toMatchObject({ nextTasks: 'Rà soát thủ tục.', version: 1 })
  })

  it('puts the API’s message next to the part it names, and a conflict under the form', async () => {
    const refused = new ApiError(422, 'invalid', 'Dữ liệu không hợp lệ.', { issues: [{ path: ['limits'], message: 'Quá dài' }] })
    const save = vi.fn<(body: SavePeriodNarrativeInput) => Promise<PeriodNarrativeDto>>().mockRejectedValueOnce(refused)
    save.mockRejectedValueOnce(new ApiError(409, 'conflict', 'Dữ liệu đã thay đổi hoặc xung đột; vui lòng tải lại và thử lại.'))
    renderWithI18n(() => <NarrativeEditor narrative={narrative({ version: 3 })} save={save} />)
    fireEvent.input(screen.getByLabelText('II. Tồn tại, hạn chế và nguyên nhân'), { target: { value: 'x' } })
    fireEvent.click(screen.getByRole('button', { name: 'Lưu báo cáo kỳ' }))
    await screen.findByText('Quá dài')
    expect(screen.getByLabelText('II. Tồn tại, hạn chế và nguyên nhân').getAttribute('aria-invalid')).toBe('true')
    fireEvent.click(screen.getByRole('button', { name: 'Lưu báo cáo kỳ' }))
    expect((await screen.findByRole('alert')).textContent).toContain('vui lòng tải lại')
  })

  it('refuses a part over the limit before sending it', async () => {
    const save = vi.fn()
    renderWithI18n(() => <NarrativeEditor narrative={narrative()} save={save} />)
    fireEvent.input(screen.getByLabelText('I. Kết quả đạt được'), { target: { value: 'x'.repeat(20_001) } })
    fireEvent.click(screen.getByRole('button', { name: 'Lưu báo cáo kỳ' }))
    await screen.findByText('Tối đa 20000 ký tự.')
    expect(save).not.toHaveBeenCalled()
  })

  it('is read-only, without a save button, for those who may not write it; in English too', () => {
    renderWithI18n(() => <NarrativeEditor narrative={narrative({ editable: false, results: 'Đã xong.' })} save={vi.fn()} />, 'en')
    expect((screen.getByLabelText('I. Results achieved') as HTMLTextAreaElement).readOnly).toBe(true)
    expect(screen.queryByRole('button')).toBeNull()
    expect(screen.getByText('Only the plan’s standing agency writes the period report; you can read it.')).toBeTruthy()
  })
})
