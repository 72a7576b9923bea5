/** Fills `{name}` placeholders of a message. Unknown placeholders stay visible, so a gap shows. */
export type MessageParams = Record<string, string | number>

/**
 * @example
 * interpolate('{count} đơn vị chưa nộp', { count: '3' }) // '3 đơn vị chưa nộp'
 */
export function interpolate(message: string, params?: MessageParams): string {
  if (params === undefined) return message
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole))
}
