import { describe, expect, it } from 'vitest'
import { interpolate } from './translate'

describe('interpolate', () => {
  it('fills named placeholders', () => {
    expect(interpolate('{count} đơn vị chưa nộp', { count: 3 })).toBe('3 đơn vị chưa nộp')
  })
  it('leaves unknown placeholders visible', () => {
    expect(interpolate('Hạn {deadline}', {})).toBe('Hạn {deadline}')
  })
  it('returns the message as is without params', () => {
    expect(interpolate('Đăng nhập')).toBe('Đăng nhập')
  })
})
