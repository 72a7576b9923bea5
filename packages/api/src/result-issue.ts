import { formatNumber, type Locale, type ResultIssue, type ResultIssueCode } from '@papi/domain'

const TEXT: Record<ResultIssueCode, Record<Locale, string>> = {
  'framework-mismatch': { vi: 'Kết quả thuộc bộ chỉ số khác', en: 'the result names another framework' },
  'year-outside-framework': { vi: 'Năm nằm ngoài hiệu lực của bộ chỉ số', en: 'the year is outside the framework' },
  'unknown-dimension': { vi: 'Chỉ số nội dung không có trong bộ chỉ số', en: 'a dimension the framework does not have' },
  'duplicate-dimension': { vi: 'Chỉ số nội dung bị lặp', en: 'the same dimension twice' },
  'missing-dimension': { vi: 'Thiếu chỉ số nội dung', en: 'a framework dimension is missing' },
  'score-negative': { vi: 'Điểm âm', en: 'a negative score' },
  'total-negative': { vi: 'Tổng điểm âm', en: 'a negative total' },
  'score-over-max': { vi: 'Điểm vượt mức tối đa', en: 'a score above its maximum' },
  'total-over-max': { vi: 'Tổng điểm vượt mức tối đa', en: 'the total is above the maximum' },
  'rank-out-of-range': { vi: 'Thứ hạng ngoài phạm vi', en: 'a rank outside 1…N' },
  'total-mismatch': { vi: 'Tổng điểm không khớp các chỉ số nội dung', en: 'the dimensions disagree with the total' },
  'split-mismatch': { vi: 'Điểm thẩm định + điều tra không bằng tổng', en: 'appraisal + survey points differ from the total' },
}

/**
 * A sentence for a result issue of the domain's `validateResult`, with the dimension and numbers
 * it names, written the locale's way ("35,71" in Vietnamese; years and ranks ungrouped).
 *
 * @example
 * describeResultIssue({ code: 'score-over-max', severity: 'error', path: ['dimensions', 0, 'score'], dimensionKey: 'participation', value: 10.5, limit: 10 }, 'vi')
 * // 'Điểm vượt mức tối đa (participation: 10,5 / 10)'
 */
export function describeResultIssue(issue: ResultIssue, locale: Locale): string {
  const number = (n: number) => formatNumber(n, locale, { grouping: false })
  const facts = [
    issue.dimensionKey,
    issue.value === undefined
      ? undefined
      : issue.limit === undefined
        ? number(issue.value)
        : `${number(issue.value)} / ${number(issue.limit)}`,
  ].filter((x) => x !== undefined && x !== '')
  return facts.length ? `${TEXT[issue.code][locale]} (${facts.join(': ')})` : TEXT[issue.code][locale]
}
