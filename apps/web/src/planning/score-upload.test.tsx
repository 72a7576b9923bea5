import { fireEvent, screen, waitFor } from '@solidjs/testing-library'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/api-error'
import type { ScoreImportAnswer } from '../api/types'
import { renderWithI18n } from '../test/render'
import { type SendScoreTable, ScoreUploadForm } from './score-upload'

// The table the export writes and the import reads: Kiên Giang by its province name, one row naming none.
const CSV = 'unit;total;rank;rankOf\nKiên Giang;35,71;45;63\nAtlantis;30;60;63\n'
const names: Record<string, string> = { 'u-kg': 'UBND tỉnh Kiên Giang', 'u-hg': 'UBND tỉnh Hậu Giang' }
const unitName = (id: string) => names[id] ?? id

const answer: ScoreImportAnswer = {
  dryRun: false,
  version: 't1-after',
  results: [],
  saved: [
    {
      id: 's-1',
      unitId: 'u-kg',
      frameworkId: 'papi-2009',
      index: 'papi',
      year: 2017,
      total: 35.71,
      rank: 45,
      rankOf: 63,
      dimensions: [],
      version: 1,
    } as unknown as ScoreImportAnswer['saved'][number],
  ],
  warnings: [{ line: 2, message: 'Xếp hạng 45 khác năm trước nhiều bậc.' }],
  unmatched: [{ line: 3, unit: 'Atlantis', reason: 'unknown-province' }],
  notRanked: [],
}

/** The preview of the same table: what would be stored, and the version of the year it read. */
const previewOf = (version: string): ScoreImportAnswer => ({
  ...answer,
  dryRun: true,
  version,
  results: answer.saved as unknown as ScoreImportAnswer['results'],
  saved: [],
  warnings: [],
})
/** Answers a preview with `version`, a save with the stored answer. */
const server = (version = 't1-read') => vi.fn<SendScoreTable>(async (_f, _fw, _y, mode) => ('dryRun' in mode ? previewOf(version) : answer))

const pick = (name = 'papi-2017.csv') => {
  const file = new File([CSV], name, { type: 'text/csv' })
  fireEvent.change(screen.getByLabelText('Tệp bảng kết quả (.csv)'), { target: { files: [file] } })
  return file
}

describe('ScoreUploadForm', () => {
  it('previews the chosen table for the framework of the index and year, then saves it naming the version the preview read; lists what was stored and each row that matched no unit with its reason', async () => {
    const send = server()
    const onSaved = vi.fn()
    renderWithI18n(() => <ScoreUploadForm send={send} unitName={unitName} onSaved={onSaved} />)
    fireEvent.input(screen.getByLabelText('Năm'), { target: { value: '2017' } })
    const file = pick()
    fireEvent.click(screen.getByRole('button', { name: 'Xem trước' }))
    await waitFor(() =>
      expect(screen.getByTestId('score-upload-status').textContent).toMatch(/^Sẽ lưu 1 kết quả PAPI.* năm 2017, thay cho/),
    )
    expect(send).toHaveBeenLastCalledWith(file, 'papi-2009', 2017, { dryRun: true })
    expect(screen.getByTestId('score-upload-preview').textContent).toContain('UBND tỉnh Kiên Giang')
    expect(onSaved).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: 'Lưu bảng' }))
    await waitFor(() => expect(screen.getByTestId('score-upload-status').textContent).toMatch(/^Đã lưu 1 kết quả PAPI.* năm 2017\.$/))
    expect(send).toHaveBeenLastCalledWith(file, 'papi-2009', 2017, { version: 't1-read' })
    expect(onSaved).toHaveBeenCalled()
    expect(screen.getByTestId('score-upload-saved').textContent).toContain('UBND tỉnh Kiên Giang')
    expect(screen.getByTestId('score-upload-warnings').textContent).toBe('Dòng 2: Xếp hạng 45 khác năm trước nhiều bậc.')
    const unmatched = screen.getByTestId('score-upload-unmatched')
    expect(unmatched.textContent).toContain('Atlantis')
    expect(unmatched.textContent).toContain('Không có đơn vị hay tỉnh nào mang mã hoặc tên này.')
  })

  it('does not save over a score typed since the preview: says so, previews again and saves only when asked again', async () => {
    const stale = new ApiError(409, 'conflict', 'Kết quả của năm này đã thay đổi kể từ khi bạn xem trước', {
      reason: 'score-table-changed',
      version: 't1-typed',
    })
    const send = server('t1-read')
    renderWithI18n(() => <ScoreUploadForm send={send} unitName={unitName} />)
    pick()
    fireEvent.click(screen.getByRole('button', { name: 'Xem trước' }))
    await screen.findByRole('button', { name: 'Lưu bảng' })
    send.mockRejectedValueOnce(stale).mockImplementationOnce(async () => previewOf('t1-typed'))
    fireEvent.click(screen.getByRole('button', { name: 'Lưu bảng' }))
    await waitFor(() => expect(screen.getByTestId('score-upload-changed').textContent).toMatch(/^Kết quả năm này vừa thay đổi/))
    expect(screen.getByTestId('score-upload-status').textContent).toMatch(/^Sẽ lưu 1 kết quả/)
    expect(screen.queryByTestId('score-upload-saved')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Lưu bảng' }))
    await waitFor(() => expect(screen.getByTestId('score-upload-status').textContent).toMatch(/^Đã lưu 1 kết quả/))
    expect(send).toHaveBeenLastCalledWith(expect.any(File), expect.any(String), expect.any(Number), { version: 't1-typed' })
    expect(screen.queryByTestId('score-upload-changed')).toBeNull()
  })

  it('previews again when the year changes after a preview', async () => {
    const send = server()
    renderWithI18n(() => <ScoreUploadForm send={send} unitName={unitName} />)
    pick()
    fireEvent.click(screen.getByRole('button', { name: 'Xem trước' }))
    await screen.findByRole('button', { name: 'Lưu bảng' })
    fireEvent.input(screen.getByLabelText('Năm'), { target: { value: '2016' } })
    expect(screen.getByRole('button', { name: 'Xem trước' })).toBeTruthy()
  })

  it('asks for a file before sending anything', async () => {
    const send = vi.fn<SendScoreTable>()
    renderWithI18n(() => <ScoreUploadForm send={send} unitName={unitName} />)
    fireEvent.click(screen.getByRole('button', { name: 'Xem trước' }))
    await screen.findByText('Chọn tệp .csv để tải lên.')
    expect(send).not.toHaveBeenCalled()
  })

  it('names each refused row with its line and column, and units outside the scope by name', async () => {
    const invalid = new ApiError(422, 'invalid', 'Dữ liệu không hợp lệ.', {
      issues: [{ line: 2, column: 'total', message: 'không phải số' }],
    })
    const forbidden = new ApiError(403, 'forbidden', 'Không có quyền.', { action: 'score.manage', unitIds: ['u-hg'] })
    const send = vi.fn<SendScoreTable>().mockRejectedValueOnce(invalid).mockRejectedValueOnce(forbidden)
    renderWithI18n(() => <ScoreUploadForm send={send} unitName={unitName} />)
    pick()
    fireEvent.click(screen.getByRole('button', { name: 'Xem trước' }))
    const refused = await screen.findByTestId('score-upload-refused')
    expect(refused.textContent).toContain('2')
    expect(refused.textContent).toContain('cột total: không phải số')
    fireEvent.click(screen.getByRole('button', { name: 'Xem trước' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('UBND tỉnh Hậu Giang'))
    expect(screen.queryByTestId('score-upload-refused')).toBeNull()
  })

  it('speaks English when the user chose it', async () => {
    renderWithI18n(() => <ScoreUploadForm send={server()} unitName={unitName} />, 'en')
    expect(screen.getByRole('button', { name: 'Preview' })).toBeTruthy()
    expect(screen.getByLabelText('Results table (.csv)')).toBeTruthy()
  })
})
