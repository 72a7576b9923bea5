import {
  enumLabel,
  enumOptions,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatScore,
  formatTarget,
  formatYears,
  periodLabel,
  type EnumGroup,
  type EnumValue,
  type FormatNumberOptions,
  type Target,
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
    dateTime: (iso: string | undefined | null) => (iso ? safeDateTime(iso, locale()) : '—'),
    number: (n: number | undefined | null, options?: FormatNumberOptions) =>
      n === undefined || n === null || !Number.isFinite(n) ? '—' : formatNumber(n, locale(), options),
    percent: (n: number | undefined | null, options?: FormatNumberOptions) =>
      n === undefined || n === null || !Number.isFinite(n) ? '—' : formatPercent(n, locale(), options),
    /** A total out of the framework's maximum ("35,71/60"), or the total alone when the maximum is unknown. */
    score: (total: number, max: number | undefined) =>
      max === undefined ? formatNumber(total, locale()) : formatScore(total, max, locale()),
    years: (years: { from: number; to: number }) => formatYears(years),
    target: (target: Target) => formatTarget(target, locale()),
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

/** `HH:mm dd/mm/yyyy` in Viet Nam time (the domain's `formatDateTime`); text that is no instant shows as it is. */
function safeDateTime(iso: string, locale: 'vi' | 'en'): string {
  try {
    return formatDateTime(iso, locale)
  } catch {
    return iso
  }
}
