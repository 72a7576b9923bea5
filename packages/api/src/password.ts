import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

// scrypt is memory-hard: N = 2^15, r = 8 uses 32 MiB per hash (OWASP's minimum is N = 2^17 at
// r = 8, p = 1 for high-value systems; 2^15 keeps log-in under ~100 ms on a 2-core server while
// still costing an attacker 32 MiB per guess). Parameters are stored with the hash, so they can
// rise later without breaking old hashes.
const N = 2 ** 15
const R = 8
const P = 1
const KEY_LENGTH = 64
const MAX_MEMORY = 128 * N * R * 2

function derive(password: string, salt: Buffer, options: ScryptOptions, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  )
}

/**
 * Hashes a password with scrypt and a random salt: `scrypt$N$r$p$salt$key` (base64url parts).
 *
 * @example
 * const stored = await hashPassword('s3cret!') // 'scrypt$32768$8$1$…$…'
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, { N, r: R, p: P, maxmem: MAX_MEMORY }, KEY_LENGTH)
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/**
 * Whether a password matches a stored hash, compared in constant time. A malformed hash never
 * matches.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false
  const expected = Buffer.from(key, 'base64url')
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: 128 * Number(n) * Number(r) * 2 }
  const actual = await derive(password, Buffer.from(salt, 'base64url'), options, expected.length)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** A hash no password matches, checked when the user does not exist so timing does not tell. */
export const DUMMY_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(KEY_LENGTH).toString('base64url')}`
