import { PASSWORD_PROBLEM_TEXT, passwordProblems } from '@papi/domain'
import { dictionary } from '@zxcvbn-ts/language-common'
import { ApiError } from './api-error'

// The ~49,000 most common passwords of the zxcvbn-ts project (MIT; drawn from breach corpora),
// kept by that project rather than vendored here, so updates arrive with the package.
let common: ReadonlySet<string> | undefined
function isCommon(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()))
  return common.has(password)
}

/**
 * Refuses a password the domain's `passwordProblems` finds fault with (422, every problem in
 * `details.problems`, the first one's sentence as the message).
 *
 * @example
 * checkPassword('12345678', 'planner') // throws ApiError('invalid', { problems: ['too-short', 'common'] })
 */
export function checkPassword(password: string, username: string): void {
  const problems = passwordProblems(password, { username, isCommon })
  const first = problems[0]
  if (first !== undefined) throw new ApiError('invalid', { field: 'password', problems }, PASSWORD_PROBLEM_TEXT[first])
}
