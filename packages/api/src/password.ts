import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

// scrypt at N = 2^15, r = 8, p = 3: one of the equivalent settings the OWASP Password Storage
// Cheat Sheet lists (N=2^17 r=8 p=1 … N=2^13 r=8 p=10). This one needs 32 MiB per hash, so a
// 2-core server can verify several log-ins at once without swapping, and buys the strength with
// three passes. Parameters are stored with the hash, so old hashes keep verifying.
const N = 2 ** 15
const R = 8
const P = 3
const KEY_LENGTH = 64

/** scrypt's cost parameters. */
export interface ScryptCost {
  N: number
  r: number
  p: number
}

/** The cost of every new hash (createApp's `passwordCost` by default). Tests may hash with less (log-ins then verify faster). */
export const PASSWORD_COST: ScryptCost = { N, r: R, p: P }

function derive(password: string, salt: Buffer, options: ScryptOptions, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  )
}

/**
 * Hashes a password with scrypt and a random salt: `scrypt$N$r$p$salt$key` (base64url parts).
 *
 * @example
 * const stored = await hashPassword('hoa sen nở trên hồ tây') // 'scrypt$32768$8$3$…$…'
 */
export async function hashPassword(password: string, cost: ScryptCost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, { ...cost, maxmem: 128 * cost.N * cost.r * 2 }, KEY_LENGTH)
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$')
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

/**
 * A hash no password matches, at the cost new hashes get: verified when the user does not exist,
 * so the answer's timing does not tell who does.
 *
 * @example
 * await verifyPassword(password, user?.passwordHash ?? dummyHash(PASSWORD_COST)) // false for an unknown user
 */
export function dummyHash(cost: ScryptCost): string {
  return ['scrypt', cost.N, cost.r, cost.p, Buffer.alloc(16).toString('base64url'), Buffer.alloc(KEY_LENGTH).toString('base64url')].join(
    '$',
  )
}
