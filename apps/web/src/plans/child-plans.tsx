import { periodLabel, type Locale } from '@papi/domain'
import { A } from '@solidjs/router'
import { createResource, For, Show } from 'solid-js'
import { unwrap } from '../api/papi-client'
import type { ChildPlanDto } from '../api/types'
import { useI18n } from '../i18n/i18n-context'
import { interpolate, type MessageParams } from '../i18n/translate'
import { useFormat } from '../lib/use-format'
import { useSession } from '../session/session-context'

// Texts of this block only: it loads with the plan page, not with everyone's first page.
const TEXTS = {
  vi: {
    title: 'Kế hoạch cấp dưới thực hiện kế hoạch này',
    intro: 'Mỗi kế hoạch được liên kết là “thực hiện kế hoạch” này, với tình hình báo cáo trong kỳ của nó.',
    plan: 'Kế hoạch',
    period: 'Kỳ',
    expected: 'Phải nộp',
    submitted: 'Đã nộp',
    accepted: 'Đã duyệt',
    late: 'Trễ hạn',
    missing: 'Chưa nộp',
    progress: 'Tiến độ',
    noPeriod: 'Chưa mở kỳ',
    hidden: 'Không có quyền xem số liệu',
    draft: 'Bản nháp',
    caption: '{count} kế hoạch cấp dưới',
  },
  en: {
    title: 'Plans that implement this plan',
    intro: 'Each plan linked as implementing this one, with how its reports stand in its period.',
    plan: 'Plan',
    period: 'Period',
    expected: 'Due',
    submitted: 'Filed',
    accepted: 'Accepted',
    late: 'Late',
    missing: 'Missing',
    progress: 'Progress',
    noPeriod: 'No period open',
    hidden: 'You may not see its figures',
    draft: 'Draft',
    caption: '{count, plural, one {# child plan} other {# child plans}}',
  },
} satisfies Record<Locale, Record<string, string>>

type Key = keyof (typeof TEXTS)['vi']

/**
 * A parent plan's dashboard of the plans that implement it (Đức Hợp's commune plan under the
 * province's 07/KH-UBND): each child's reports due, filed, accepted, late and missing in the
 * period, and its progress — the API's figures, the same as each child's own dashboard.
 * Shows nothing when no plan is linked to this one.
 */
export default function ChildPlans(props: { planId: string }) {
  const { locale } = useI18n()
  const fmt = useFormat()
  const session = useSession()
  const tx = (key: Key, params?: MessageParams) => interpolate(TEXTS[locale()][key], params, locale())
  const [children] = createResource(
    () => props.planId,
    (id) => unwrap(session.api.plans[':id'].children.$get({ param: { id }, query: {} })).catch(() => [] as ChildPlanDto[]),
  )
  const count = (row: ChildPlanDto, key: 'expected' | 'submitted' | 'accepted' | 'late' | 'missing') => row.reporting?.[key] ?? '—'
  return (
    <Show when={(children.latest ?? []).length > 0}>
      <section class="card" aria-labelledby="child-plans-title" data-testid="child-plans">
        <h2 id="child-plans-title">{tx('title')}</h2>
        <p class="muted">{tx('intro')}</p>
        <div class="table-wrap">
          <table class="stack">
            <caption class="sr-only">{tx('caption', { count: String(children.latest?.length ?? 0) })}</caption>
            <thead>
              <tr>
                <th scope="col">{tx('plan')}</th>
                <th scope="col">{tx('period')}</th>
                <th scope="col" class="num">
                  {tx('expected')}
                </th>
                <th scope="col" class="num">
                  {tx('submitted')}
                </th>
                <th scope="col" class="num">
                  {tx('accepted')}
                </th>
                <th scope="col" class="num">
                  {tx('late')}
                </th>
                <th scope="col" class="num">
                  {tx('missing')}
                </th>
                <th scope="col" class="num">
                  {tx('progress')}
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={children.latest ?? []}>
                {(row) => (
                  <tr data-testid={`child-plan-${row.number}`}>
                    <td data-label={tx('plan')}>
                      <A href={`/plans/${encodeURIComponent(row.planId)}`}>{row.number || row.title}</A>
                      <br />
                      <small class="muted">
                        {row.issuer}
                        <Show when={row.status === 'draft'}> · {tx('draft')}</Show>
                      </small>
                    </td>
                    <td data-label={tx('period')}>
                      <Show when={row.periodId} fallback={tx('noPeriod')}>
                        {(id) => (
                          <>
                            {periodLabel(id(), locale())}
                            <Show when={row.dueOn}>{(due) => <small class="muted"> ({fmt.date(due())})</small>}</Show>
                          </>
                        )}
                      </Show>
                    </td>
                    <Show
                      when={row.reporting !== null}
                      fallback={
                        <td colSpan={6} class="muted">
                          {row.periodId === null || row.status === 'draft' ? '—' : tx('hidden')}
                        </td>
                      }
                    >
                      <td data-label={tx('expected')} class="num">
                        {count(row, 'expected')}
                      </td>
                      <td data-label={tx('submitted')} class="num">
                        {count(row, 'submitted')}
                      </td>
                      <td data-label={tx('accepted')} class="num">
                        {count(row, 'accepted')}
                      </td>
                      <td data-label={tx('late')} class="num">
                        {count(row, 'late')}
                      </td>
                      <td data-label={tx('missing')} class="num">
                        {count(row, 'missing')}
                      </td>
                      <td data-label={tx('progress')} class="num">
                        {fmt.percent(row.progress, { decimals: 0 })}
                      </td>
                    </Show>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </section>
    </Show>
  )
}
