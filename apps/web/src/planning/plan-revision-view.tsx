import { unitsChangingAlike } from '@papi/domain'
import { Show } from 'solid-js'
import { DataTable } from '../components/data-table'
import type { PlanImportDryRun } from '../api/types'
import { usePlanningText, type PlanningKey } from './planning-messages'

export type StoredRevision = NonNullable<PlanImportDryRun['stored']>

/**
 * What confirming a re-imported document changes in the plan already stored: the counts, then
 * the tasks added, changed, removed or kept because reported on, then unit by unit the tasks it
 * gains, loses or keeps (as lead or coordinator). Read-only: the page holds the confirm action.
 */
export function PlanRevisionView(props: { stored: StoredRevision }) {
  const pt = usePlanningText()
  const revision = () => props.stored.revision
  const count = (change: string) => revision()?.tasks.filter((t) => t.change === change).length ?? 0
  const units = () => revision()?.units ?? []
  // Units whose work changes alike (143 communes gaining one task) read as one row.
  const groups = () => unitsChangingAlike(units())
  const role = (r: 'lead' | 'coordinator') => pt(`revision.role.${r}` as PlanningKey)
  const list = (items: { taskCode: string; role: 'lead' | 'coordinator' }[]) =>
    items.map((a) => `${a.taskCode} (${role(a.role)})`).join(', ')
  return (
    <section class="card" aria-labelledby="revision-title" data-testid="import-revision">
      <h2 id="revision-title" tabIndex={-1}>
        {pt('revision.title', { number: props.stored.number })}
      </h2>
      <p>
        {pt('revision.intro', {
          number: props.stored.number,
          status: pt(`revision.status.${revision()?.basedOn.status ?? 'draft'}` as PlanningKey),
          version: revision()?.basedOn.version ?? 0,
        })}
      </p>
      <Show when={props.stored.outcome === 'updated'} fallback={<p data-testid="revision-counts">{pt('revision.unchanged')}</p>}>
        <p data-testid="revision-counts">
          <strong>
            {pt('revision.counts', {
              added: count('added'),
              updated: count('updated'),
              removed: count('removed'),
              kept: count('kept'),
              units: units().length,
            })}
          </strong>
        </p>
        <Show when={(revision()?.tasks.length ?? 0) > 0}>
          <h3>{pt('revision.tasks')}</h3>
          <DataTable
            testId="revision-tasks"
            stackOnPhone
            filterable={false}
            rows={revision()?.tasks ?? []}
            rowProps={(task) => ({ 'data-change': task.change })}
            columns={[
              { key: 'code', header: pt('import.code'), cell: (task) => task.code },
              { key: 'title', header: pt('import.task'), cell: (task) => task.title },
              {
                key: 'change',
                header: pt('revision.tasks'),
                cell: (task) => (
                  <span class={`badge ${task.change === 'removed' ? 'bad' : task.change === 'kept' ? 'warn' : 'ok'}`}>
                    {pt(`revision.change.${task.change}` as PlanningKey)}
                  </span>
                ),
              },
            ]}
          />
        </Show>
        <Show when={units().length > 0}>
          <h3>{pt('revision.units')}</h3>
          <DataTable
            testId="revision-units"
            stackOnPhone
            filterable={false}
            rows={groups()}
            columns={[
              {
                key: 'unit',
                header: pt('revision.unit'),
                cell: (group) => (
                  <Show when={group.names.length > 3} fallback={group.names.join(', ')}>
                    <details>
                      <summary>
                        {pt('revision.unitGroup', { first: group.names.slice(0, 2).join(', '), count: group.names.length - 2 })}
                      </summary>
                      {group.names.join(', ')}
                    </details>
                  </Show>
                ),
              },
              { key: 'gained', header: pt('revision.gained'), cell: (group) => list(group.unit.gained) },
              { key: 'lost', header: pt('revision.lost'), cell: (group) => list(group.unit.lost) },
              { key: 'kept', header: pt('revision.keptAssignment'), cell: (group) => list(group.unit.kept) },
            ]}
          />
        </Show>
      </Show>
    </section>
  )
}
