import { fireEvent, screen, waitFor } from '@solidjs/testing-library'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/api-error'
import type { ReportDto, SaveReportInput } from '../api/types'
import { renderWithI18n } from '../test/render'
import { reportFixture } from '../test/report-fixture'
import { ReportForm } from './report-form'

const task = { id: 't-23', code: '2.3', title: 'Niêm yết công khai thủ tục hành chính' }
const saved = (over: Partial<ReportDto> = {}): ReportDto => reportFixture(over)
/** What the API answers to a save: the report as sent, one version on. */
const savedFrom = (input: SaveReportInput): ReportDto =>
  saved({ progress: input.progress, narrative: input.narrative, version: (input.version ?? 0) + 1 })

function setup(props: Partial<Parameters<typeof ReportForm>[0]> = {}) {
  const save = vi.fn(async (input: SaveReportInput) => savedFrom(input))
  const submit = vi.fn(async (_id: string, version: number) =>
    saved({ status: 'submitted', version: version + 1, submittedAt: '2018-06-10T02:00:00Z' }),
  )
  const reload = vi.fn(async () => saved({ version: 7, narrative: 'bản của người khác' }))
  renderWithI18n(() => <ReportForm task={task} unitId="xa-a" periodId="2018Q2" save={save} submit={submit} reload={reload} {...props} />)
  return { save, submit, reload }
}

describe('ReportForm', () => {
  it('labels every field', () => {
    setup()
    expect(screen.getByLabelText('Tình trạng thực hiện')).toBeTruthy()
    expect(screen.getByLabelText('Tiến độ (%)')).toBeTruthy()
    expect(screen.getByLabelText('Kết quả thực hiện')).toBeTruthy()
  })

  it('saves a draft with the typed values', async () => {
    const { save } = setup()
    fireEvent.input(screen.getByLabelText('Tiến độ (%)'), { target: { value: '60' } })
    fireEvent.input(screen.getByLabelText('Kết quả thực hiện'), { target: { value: 'Đã niêm yết 45 thủ tục' } })
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nháp' }))
    await waitFor(() => expect(save).toHaveBeenCalledOnce())
    expect(save.mock.calls[0]?.[0]).toMatchObject({
      taskId: 't-23',
      unitId: 'xa-a',
      periodId: '2018Q2',
      progress: 60,
      narrative: 'Đã niêm yết 45 thủ tục',
    })
    await screen.findByText(/Đã lưu nháp/)
  })

  it('submits after saving, naming the version it saved', async () => {
    const { save, submit } = setup()
    fireEvent.click(screen.getByRole('button', { name: 'Nộp báo cáo' }))
    await waitFor(() => expect(submit).toHaveBeenCalledWith('r-1', 1))
    expect(save).toHaveBeenCalledOnce()
    expect(await screen.findByTestId('report-status')).toHaveProperty('textContent', 'Đã gửi')
    // A submitted report is under review: the form locks and the buttons go.
    expect(screen.queryByRole('button', { name: 'Nộp báo cáo' })).toBeNull()
  })

  it('shows a progress over 100 next to the field and does not call the API', async () => {
    const { save } = setup()
    fireEvent.input(screen.getByLabelText('Tiến độ (%)'), { target: { value: '150' } })
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nháp' }))
    await screen.findByText('Tiến độ là một số từ 0 đến 100.')
    expect(save).not.toHaveBeenCalled()
  })

  it('on a 409 says someone else saved first and keeps the user’s text', async () => {
    const save = vi.fn(async () => {
      throw new ApiError(409, 'version-conflict', 'Báo cáo đã thay đổi')
    })
    const { reload } = setup({ report: saved(), save })
    const narrative = screen.getByLabelText('Kết quả thực hiện') as HTMLTextAreaElement
    fireEvent.input(narrative, { target: { value: 'Nội dung tôi vừa gõ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nháp' }))
    expect((await screen.findByTestId('conflict')).textContent).toContain('Người khác đã lưu báo cáo này trước bạn')
    expect(narrative.value).toBe('Nội dung tôi vừa gõ')

    fireEvent.click(screen.getByRole('button', { name: /Tải bản mới nhất/ }))
    await waitFor(() => expect(reload).toHaveBeenCalled())
    await waitFor(() => expect(screen.queryByTestId('conflict')).toBeNull())
    expect(narrative.value).toBe('Nội dung tôi vừa gõ')
  })

  it('saves again with the newer version after a conflict', async () => {
    let calls = 0
    const save = vi.fn(async (input: SaveReportInput) => {
      calls += 1
      if (calls === 1) throw new ApiError(409, 'version-conflict', 'conflict')
      return savedFrom(input)
    })
    setup({ report: saved(), save })
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nháp' }))
    await screen.findByTestId('conflict')
    fireEvent.click(screen.getByRole('button', { name: /Tải bản mới nhất/ }))
    await waitFor(() => expect(screen.queryByTestId('conflict')).toBeNull())
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nháp' }))
    await waitFor(() => expect(save).toHaveBeenCalledTimes(2))
    expect(save.mock.calls[1]?.[0].version).toBe(7)
  })

  it('shows the API’s error, in the user’s language, beside the buttons', async () => {
    const save = vi.fn(async () => {
      throw new ApiError(422, 'invalid-content', 'Báo cáo đã hoàn thành phải có ngày hoàn thành')
    })
    setup({ save })
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nháp' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Báo cáo đã hoàn thành phải có ngày hoàn thành')
  })

  it('puts an API error that names a field next to that field', async () => {
    const save = vi.fn(async () => {
      throw new ApiError(400, 'invalid', 'Dữ liệu không hợp lệ', { issues: [{ path: ['narrative'], message: 'Quá dài' }] })
    })
    setup({ save })
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nháp' }))
    const message = await screen.findByText('Quá dài')
    expect(message.id).toBe('r-t-23-xa-a-narrative-error')
  })

  it('is read-only once accepted', () => {
    setup({ report: saved({ status: 'accepted' }) })
    expect(screen.getByText(/không sửa được/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Lưu nháp' })).toBeNull()
  })

  it('shows the standing agency’s comment on a returned report', () => {
    setup({ report: saved({ status: 'returned', reviewComment: 'Bổ sung số liệu' }) })
    expect(screen.getByText(/Bổ sung số liệu/)).toBeTruthy()
  })

  it('speaks English when asked', () => {
    const save = vi.fn()
    renderWithI18n(() => <ReportForm task={task} unitId="xa-a" periodId="2018Q2" save={save} submit={vi.fn()} reload={vi.fn()} />, 'en')
    expect(screen.getByRole('button', { name: 'Save draft' })).toBeTruthy()
    expect(screen.getByLabelText('Work status')).toBeTruthy()
  })
})
