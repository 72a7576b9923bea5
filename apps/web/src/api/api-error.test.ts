import { describe, expect, it } from 'vitest'
import { ApiError, fieldError } from './api-error'

describe('fieldError', () => {
  const issues = (path: (string | number)[], message: string) =>
    new ApiError(422, 'invalid', 'Dữ liệu không hợp lệ', { issues: [{ path, message }] })

  it('reads a top-level field from zod issues, a fields map or a named field', () => {
    expect(fieldError(issues(['progress'], 'max 100'), 'progress')).toBe('max 100')
    expect(fieldError(new ApiError(422, 'invalid', 'x', { fields: { narrative: 'trống' } }), 'narrative')).toBe('trống')
    expect(fieldError(new ApiError(422, 'invalid', 'Thiếu ngày', { field: 'completedOn' }), 'completedOn')).toBe('Thiếu ngày')
    expect(fieldError(issues(['progress'], 'max 100'), 'workStatus')).toBeUndefined()
  })

  it('reads a field inside a list by its path, whether the API names the index as a number or a string', () => {
    expect(fieldError(issues(['sections', 2, 'weight'], '> 0'), ['sections', 2, 'weight'])).toBe('> 0')
    expect(fieldError(issues(['sections', '2', 'weight'], '> 0'), ['sections', 2, 'weight'])).toBe('> 0')
    expect(fieldError(issues(['sections', 1, 'weight'], '> 0'), ['sections', 2, 'weight'])).toBeUndefined()
    expect(fieldError(issues(['sections', 2, 'dimension'], 'x'), ['sections', 2, 'weight'])).toBeUndefined()
  })

  it('is silent for anything that is not an API error', () => {
    expect(fieldError(new Error('network'), 'progress')).toBeUndefined()
    expect(fieldError(undefined, ['sections', 0, 'weight'])).toBeUndefined()
  })
})
