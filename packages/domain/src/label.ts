import { z } from 'zod'

/** UI languages. Vietnamese is the default everywhere. */
export const LocaleSchema = z.enum(['vi', 'en'])
export type Locale = z.infer<typeof LocaleSchema>

export const DEFAULT_LOCALE: Locale = 'vi'

/** A text in both product languages. */
export const LabelSchema = z.object({ vi: z.string().min(1), en: z.string().min(1) })
export type Label = z.infer<typeof LabelSchema>

/**
 * Picks the text of a label in a locale (Vietnamese when none is given).
 *
 * @example
 * labelText({ vi: 'Thường xuyên', en: 'Ongoing' }, 'en') // 'Ongoing'
 */
export function labelText(label: Label, locale: Locale = DEFAULT_LOCALE): string {
  return label[locale]
}
