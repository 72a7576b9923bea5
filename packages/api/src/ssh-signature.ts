// ssh2 (its key parser) loads with the first SSH log-in, not with the server (~40 ms of its startup, #11).
// ssh2 is CommonJS: Node's ESM loader offers only its default export.
let ssh2Utils: Promise<typeof import('ssh2').utils> | undefined
const sshUtils = () => (ssh2Utils ??= import('ssh2').then((ssh2) => ssh2.default.utils))

/** What an SSH client signs to log in with a key (RFC 4252 §7), read back from its bytes. */
export interface SshUserauthRequest {
  sessionId: Buffer
  username: string
  service: string
  method: string
  algorithm: string
  keyBlob: Buffer
}

/** Reads the signed data of a public-key log-in, or `null` when it is something else. */
export function parseUserauthRequest(data: Buffer): SshUserauthRequest | null {
  let at = 0
  const bytes = (): Buffer | null => {
    if (at + 4 > data.length) return null
    const length = data.readUInt32BE(at)
    if (at + 4 + length > data.length) return null
    const out = data.subarray(at + 4, at + 4 + length)
    at += 4 + length
    return out
  }
  const sessionId = bytes()
  if (!sessionId || data[at] !== 50) return null // SSH_MSG_USERAUTH_REQUEST
  at += 1
  const username = bytes()
  const service = bytes()
  const method = bytes()
  if (!username || !service || !method || data[at] !== 1) return null // "has signature" TRUE
  at += 1
  const algorithm = bytes()
  const keyBlob = bytes()
  if (!algorithm || !keyBlob || at !== data.length) return null
  return {
    sessionId,
    username: username.toString('utf8'),
    service: service.toString('utf8'),
    method: method.toString('utf8'),
    algorithm: algorithm.toString('utf8'),
    keyBlob,
  }
}

/**
 * Whether `signature` is the key's signature of a public-key log-in by `username` with that very
 * key: the proof, made by the user's own SSH client, that the holder of the private key is
 * signing in now. `hashAlgo` is what ssh2 reports for RSA (`sha256`, `sha512`).
 *
 * @example
 * await verifyUserauthSignature({ keyType, keyData, username, blob, signature, hashAlgo }) // true
 */
export async function verifyUserauthSignature(input: {
  keyType: string
  keyData: string
  username: string
  blob: Buffer
  signature: Buffer
  hashAlgo?: string | undefined
}): Promise<boolean> {
  const request = parseUserauthRequest(input.blob)
  if (!request) return false
  const keyBlob = Buffer.from(input.keyData, 'base64')
  if (request.service !== 'ssh-connection' || request.method !== 'publickey') return false
  if (request.username.toLowerCase() !== input.username.toLowerCase() || !request.keyBlob.equals(keyBlob)) return false
  const key = (await sshUtils()).parseKey(`${input.keyType} ${input.keyData}`)
  if (key instanceof Error || Array.isArray(key)) return false
  try {
    return key.verify(input.blob, input.signature, input.hashAlgo) === true
  } catch {
    return false
  }
}
