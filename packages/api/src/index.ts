// Public surface of @papi/api: named re-exports only.

// --- app
export { createApp } from './app'
export type { AppType, CreateAppOptions } from './app'

// --- api-error
export { ApiError, codeToStatus, ErrorCodeSchema, ErrorSchema } from './api-error'
export type { ErrorBody, ErrorCode } from './api-error'

// --- request-log
export { serverLogger } from './request-log'
export type { Logger } from './request-log'

// --- password
export { hashPassword, verifyPassword } from './password'
export type { ScryptCost } from './password'
