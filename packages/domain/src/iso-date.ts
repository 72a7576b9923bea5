import { z } from 'zod'

/** A calendar date `YYYY-MM-DD` (no time zone: plans speak in local calendar days). */
export const IsoDateSchema = z.iso.date()
export type IsoDate = z.infer<typeof IsoDateSchema>
