import {
  enumLabel,
  enumOptions,
  formatDate,
  formatNumber,
  formatPercent,
  localDateOf,
  periodLabel,
  VIETNAM_UTC_OFFSET_MINUTES,
  type EnumGroup,
  type EnumValue,
  type FormatNumberOptions,
} from '@papi/domain'
import { useI18n } from '../i18n/i18n-context'

/**
 * @papi/domain's labels and vi-VN formats bound to the user's language. Screens format through
 * this and nothing else, so a date or an enum reads the same on every page and in the SDK.
 */
export function useFormat() {
  const { locale } = useI18n()
  return {
    label: <G extends EnumGroup>(group: G, value: EnumValue<G> | string) => enumLabel(group, value as EnumValue<G>, locale()),
    options: <G extends EnumGroup>(group: G) => enumOptions(group, locale()),
    date: (iso: string | undefined | null) => (iso ? formatDate(iso, locale()) : '—'),
    /** Date and local time of an instant (a submission), in Viet Nam time. */
    dateTime: (iso: string | undefined | null) => (iso ? dateTime(iso, locale()) : '—'),
    number: (n: number | undefined | null, options?: FormatNumberOptions) =>
      n === undefined || n === null || !Number.isFinite(n) ? '—' : formatNumber(n, locale(), options),
    percent: (n: number | undefined | null, options?: FormatNumberOptions) =>
      n === undefined || n === null || !Number.isFinite(n) ? '—' : formatPercent(n, locale(), options),
    period: (id: string | undefined | null) => (id ? safePeriodLabel(id, locale()) : '—'),
  }
}

export type Format = ReturnType<typeof useFormat>

function safePeriodLabel(id: string, locale: 'vi' | 'en'): string {
  try {
    return periodLabel(id, locale)
  } catch {
    return id
  }
}

/** `HH:mm dd/mm/yyyy` in Viet Nam time; the day is the domain's `localDateOf`. */
function dateTime(iso: string, locale: 'vi' | 'en'): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  const clock = new Date(ms + VIETNAM_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(11, 16)
  return `${clock} ${formatDate(localDateOf(iso), locale)}`
}
