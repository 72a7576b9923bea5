import { timingSafeEqual, createHash } from 'node:crypto'
import { createRoute, z } from '@hono/zod-openapi'
import { sshFingerprint } from '@papi/store'
import { ApiError, errorResponses } from '../api-error'
import { createRouter } from '../router'
import { UserOutSchema } from '../schemas'
import { verifyUserauthSignature } from '../ssh-signature'

/** Header `papi ssh-serve` sends its gateway secret in. */
export const SSH_GATEWAY_HEADER = 'x-papi-ssh-gateway'

const SshLoginSchema = z
  .object({
    username: z.string().trim().min(1).max(100),
    keyType: z.string().min(1).max(100),
    keyData: z.string().min(1).max(16_000).openapi({ description: 'The public key blob, base64' }),
    blob: z.string().min(1).max(32_000).openapi({ description: 'The data the SSH client signed, base64 (RFC 4252 §7)' }),
    signature: z.string().min(1).max(16_000).openapi({ description: 'The SSH client’s signature of `blob`, base64' }),
    hashAlgo: z.string().max(20).optional(),
  })
  .openapi('SshLogin')

const SshLoginResultSchema = z.object({ token: z.string(), user: UserOutSchema, expiresAt: z.string() }).openapi('SshLoginResult')

const sha256 = (text: string) => createHash('sha256').update(text).digest()

const refused = (reason: string) =>
  new ApiError('unauthenticated', { reason }, { vi: 'Khóa SSH không được chấp nhận.', en: 'SSH key refused.' })

/**
 * Sign-in for `papi ssh-serve`, which holds no power of its own. Two proofs are needed, so
 * neither a stolen gateway secret nor a signature replayed from another SSH server is enough:
 * - the gateway's secret (`X-Papi-Ssh-Gateway`, shared through `PAPI_SSH_SECRET`), which only
 *   lets a caller use this route at all;
 * - the user's SSH client's signature of this very log-in (user name, key), checked against a
 *   key registered to that user: the API mints a session for the key's owner and nobody else.
 */
export const sshAuthRoutes = createRouter().openapi(
  createRoute({
    method: 'post',
    path: '/auth/ssh',
    operationId: 'loginWithSshKey',
    tags: ['auth'],
    summary: 'Sign in over `papi ssh-serve` with a signature made by a registered SSH key',
    security: [],
    request: { body: { required: true, content: { 'application/json': { schema: SshLoginSchema } } } },
    responses: {
      200: { description: 'A session of the key’s owner', content: { 'application/json': { schema: SshLoginResultSchema } } },
      ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'invalid'),
    },
  }),
  async (c) => {
    const { store, options } = c.var
    const secret = options.sshGatewaySecret
    const given = c.req.header(SSH_GATEWAY_HEADER) ?? ''
    if (!secret || !timingSafeEqual(sha256(given), sha256(secret))) {
      throw new ApiError(
        'forbidden',
        { reason: 'ssh-gateway' },
        {
          vi: 'Máy chủ SSH này không được phép đăng nhập thay người dùng.',
          en: 'This SSH server may not sign users in.',
        },
      )
    }
    const body = c.req.valid('json')
    const key = await store.sshKeys.find(sshFingerprint(body.keyData))
    const user = key && (await store.users.find(key.userId))
    if (!key || !user || user.disabled || user.username !== body.username.toLowerCase()) throw refused('unknown-key')
    const ok = await verifyUserauthSignature({
      keyType: key.type,
      keyData: key.data,
      username: body.username,
      blob: Buffer.from(body.blob, 'base64'),
      signature: Buffer.from(body.signature, 'base64'),
      hashAlgo: body.hashAlgo,
    })
    if (!ok) throw refused('bad-signature')
    const now = c.var.now()
    await store.sshKeys.touch(key.id, now)
    const session = await store.sessions.create(user.id, { now, ttlMs: options.sessionTtlMs })
    return c.json({ token: session.token, user, expiresAt: session.expiresAt.toISOString() }, 200)
  },
)
