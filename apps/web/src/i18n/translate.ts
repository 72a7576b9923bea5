import { DEFAULT_LOCALE, type Locale } from '@papi/domain'

/**
 * Fills the placeholders of a message. `{name}` is replaced by the parameter; `{name, plural,
 * one {# task} other {# tasks}}` (the ICU MessageFormat plural, as Intl.PluralRules names the
 * forms) picks the branch for the count in the message's language, `#` standing for the count and
 * `=N` for an exact value. Vietnamese has one form, so its texts need no plural. Unknown
 * placeholders stay visible, so a gap shows.
 */
export type MessageParams = Record<string, string | number>

const pluralRules = new Map<Locale, Intl.PluralRules>()

/** The plural form (`one`, `other`…) of a count in a language, by Intl.PluralRules. */
export function pluralForm(locale: Locale, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale)
  if (rules === undefined) {
    rules = new Intl.PluralRules(locale)
    pluralRules.set(locale, rules)
  }
  return rules.select(count)
}

/** The index of the `}` closing the `{` at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}' && --depth === 0) return i
  }
  return -1
}

/** The branches of a plural's options: `one {…} other {…}` → { one: '…', other: '…' }. */
function branches(options: string): Record<string, string> | undefined {
  const found: Record<string, string> = {}
  let at = 0
  while (at < options.length) {
    const selector = /^\s*(=\d+|[a-z]+)\s*\{/.exec(options.slice(at))
    if (selector === null) return options.slice(at).trim() === '' ? found : undefined
    const open = at + selector[0].length - 1
    const close = closing(options, open)
    if (close < 0) return undefined
    found[selector[1] as string] = options.slice(open + 1, close)
    at = close + 1
  }
  return found
}

/**
 * @example
 * interpolate('{count} đơn vị chưa nộp', { count: '3' }) // '3 đơn vị chưa nộp'
 * interpolate('{count, plural, one {# task} other {# tasks}}', { count: 1 }, 'en') // '1 task'
 */
export function interpolate(message: string, params?: MessageParams, locale: Locale = DEFAULT_LOCALE): string {
  if (params === undefined) return message
  let out = ''
  let at = 0
  while (at < message.length) {
    const open = message.indexOf('{', at)
    const close = open < 0 ? -1 : closing(message, open)
    if (close < 0) return out + message.slice(at)
    out += message.slice(at, open)
    const inside = message.slice(open + 1, close)
    const simple = /^(\w+)$/.exec(inside)
    const plural = /^(\w+)\s*,\s*plural\s*,/.exec(inside)
    const name = (simple ?? plural)?.[1]
    if (name === undefined || !Object.hasOwn(params, name)) out += message.slice(open, close + 1)
    else if (simple !== null) out += String(params[name])
    else {
      const count = Number(params[name])
      const forms = branches(inside.slice((plural as RegExpExecArray)[0].length))
      const branch = forms?.[`=${count}`] ?? forms?.[pluralForm(locale, count)] ?? forms?.other
      out +=
        branch === undefined ? message.slice(open, close + 1) : interpolate(branch.replaceAll('#', String(params[name])), params, locale)
    }
    at = close + 1
  }
  return out
}
