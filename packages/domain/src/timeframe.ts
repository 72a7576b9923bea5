import { z } from 'zod'
import { IsoDateSchema } from './iso-date'

export const TimeframeKindSchema = z.enum([
  'ongoing', // Thường xuyên
  'recurring', // Định kỳ hằng quý, Hàng năm
  'window', // Quý II năm 2018, Năm 2012 - 2015, trước ngày 15/6/2018 (end only)
  'milestones', // 2012, 2015
  'event', // Trước và trong quá trình bầu cử
  'regulation', // Theo quy định tại Nghị định số 90/2013/NĐ-CP
  'unspecified', // anything else: text kept, flagged for review
])
export type TimeframeKind = z.infer<typeof TimeframeKindSchema>

export const RecurrenceSchema = z.enum(['month', 'quarter', 'half-year', 'year'])
export type Recurrence = z.infer<typeof RecurrenceSchema>

/** When a task is to be done, as written in the plan and as understood. */
export const TimeframeSchema = z.object({
  kind: TimeframeKindSchema,
  /** The original text, always kept. */
  text: z.string(),
  start: IsoDateSchema.optional(),
  end: IsoDateSchema.optional(),
  every: RecurrenceSchema.optional(),
  dates: z.array(IsoDateSchema).optional(),
  /** The regulation or event the timeframe refers to ("Nghị định số 90/2013/NĐ-CP"). */
  reference: z.string().optional(),
})
export type Timeframe = z.infer<typeof TimeframeSchema>
