import { PASSWORD_PROBLEM_TEXT, passwordProblems } from '@papi/domain'
import { ApiError } from './api-error'

// The ~49,000 most common passwords of the zxcvbn-ts project (MIT; drawn from breach corpora),
// kept by that project rather than vendored here, so updates arrive with the package. Loaded
// with the first password set, not with the server (~30 ms of its startup, #11).
let common: Promise<ReadonlySet<string>> | undefined
const commonPasswords = () =>
  (common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())),
  ))

/**
 * Refuses a password the domain's `passwordProblems` finds fault with (422, every problem in
 * `details.problems`, the first one's sentence as the message).
 *
 * @example
 * await checkPassword('12345678', 'planner') // throws ApiError('invalid', { problems: ['too-short', 'common'] })
 */
export async function checkPassword(password: string, username: string): Promise<void> {
  const common = await commonPasswords()
  const problems = passwordProblems(password, { username, isCommon: (p) => common.has(p) })
  const first = problems[0]
  if (first !== undefined) throw new ApiError('invalid', { field: 'password', problems }, PASSWORD_PROBLEM_TEXT[first])
}
