import { describe, expect, it } from 'vitest'
import { StoreError, storeErrorOf } from './store-error'

/** A driver error as drizzle throws it: the PostgreSQL (or PGlite) error is the `cause`. */
const driverError = (sqlState: string) =>
  Object.assign(new Error('Failed query: insert into "units" …'), { cause: Object.assign(new Error('…'), { code: sqlState }) })

describe('storeErrorOf', () => {
  it.each([
    ['22021', 'invalid'], // NUL byte in text
    ['22P05', 'invalid'], // NUL or lone surrogate in jsonb
    ['22P02', 'invalid'], // a value PostgreSQL cannot read (lone surrogate in jsonb)
    ['22001', 'invalid'], // value too long
    ['22003', 'invalid'], // number out of range
    ['22008', 'invalid'], // date out of range (year 0)
    ['22012', 'invalid'], // any other data exception
    ['23505', 'conflict'], // unique key taken
    ['23503', 'invalid'], // referenced row missing
    ['54000', 'invalid'], // too long to index
  ])('SQLSTATE %s is a StoreError %s', (sqlState, code) => {
    const error = storeErrorOf(driverError(sqlState))
    expect(error).toBeInstanceOf(StoreError)
    expect(error).toMatchObject({ code, details: { sqlState } })
    // The driver's message names tables and the query: it stays out.
    expect(error?.message).not.toMatch(/units|insert|Failed query/)
  })

  it.each([
    ['a lost connection', driverError('08006')],
    ['a syntax error in our SQL', driverError('42601')],
    ['a Node system error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })],
    ['a plain bug', new TypeError('x is undefined')],
  ])('leaves %s alone: it is ours, not the caller’s', (_, error) => {
    expect(storeErrorOf(error)).toBeUndefined()
  })

  it('answers a StoreError as it is', () => {
    const error = new StoreError('not-found', 'no unit x')
    expect(storeErrorOf(error)).toBe(error)
  })
})
