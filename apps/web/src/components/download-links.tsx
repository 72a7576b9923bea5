import { For } from 'solid-js'
import { EXPORT_FORMATS, type ExportFormat } from '../api/export-links'
import { useI18n } from '../i18n/i18n-context'

const FORMAT_NAMES: Record<ExportFormat, string> = { xlsx: 'Excel (.xlsx)', docx: 'Word (.docx)', csv: 'CSV' }

/**
 * One document in each export format, as plain links: the browser downloads the file with the
 * session cookie, and a slow provincial link shows the browser's own download progress.
 */
export function DownloadLinks(props: { label: string; href: (format: ExportFormat) => string; testId?: string }) {
  const { t } = useI18n()
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of links, not form controls (what <fieldset> is for).
    <div class="downloads" data-testid={props.testId} role="group" aria-label={props.label}>
      <span class="downloads-label">
        <span aria-hidden="true">⤓</span> {props.label}:
      </span>
      <For each={EXPORT_FORMATS}>
        {(format) => (
          <a
            href={props.href(format)}
            download=""
            title={`${t('common.download')} ${props.label} — ${FORMAT_NAMES[format]}`}
            data-format={format}
          >
            {FORMAT_NAMES[format]}
          </a>
        )}
      </For>
    </div>
  )
}
