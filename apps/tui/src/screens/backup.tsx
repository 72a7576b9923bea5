/** @jsxRuntime automatic */
import { Box, Text, useInput } from 'ink'
import { downloadBackup, uploadRestore } from '../backup-transfer'
import { useUi } from '../context'
import { KEYS, matches } from '../keys'
import { fit } from '../text'
import type { ScreenProps } from './screen'

/** The default file of a backup taken now: `papi-20261204-2130.papi-backup`. */
export function defaultBackupFile(now: Date): string {
  return `papi-${now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}.papi-backup`
}

/** Backup and restore of the whole database (admins), with a progress bar. */
export function BackupScreen({ width, active }: ScreenProps) {
  const ui = useUi()
  const { m } = ui
  useInput(
    (input, key) => {
      if (matches(KEYS.backup.backup, input, key)) {
        void ui.act(async () => {
          const file = await ui.ask(m.backupTo, { initial: defaultBackupFile(new Date()) })
          if (!file) return
          ui.progress(m.backupTo, 0)
          const { rows } = await downloadBackup(ui.fetch, ui.url, file.trim(), (p) => ui.progress(`${m.backupTo} ${file}`, p.ratio))
          ui.closeDialog()
          return m.backedUp(file, rows)
        })
      } else if (matches(KEYS.backup.restore, input, key)) {
        void ui.act(async () => {
          const file = await ui.ask(m.restoreFrom)
          if (!file) return
          if (!(await ui.confirm(m.restoreConfirm(file)))) return m.cancelled
          ui.progress(m.restoreFrom, 0)
          const { rows } = await uploadRestore(ui.fetch, ui.url, file.trim(), (p) => ui.progress(`${m.restoreFrom} ${file}`, p.ratio))
          ui.closeDialog()
          return m.restored(rows)
        })
      }
    },
    { isActive: active },
  )
  return (
    <Box flexDirection="column">
      <Text>{fit(m.backupHelp, width)}</Text>
    </Box>
  )
}
