import { localDateOf } from '@papi/domain'

/** Today's calendar day in Viet Nam (deadlines are Vietnamese calendar days). */
export function today(now: Date = new Date()): string {
  return localDateOf(now.toISOString())
}
