// Public surface of @papi/tui: named re-exports only.
export { runTui } from './run'
export type { RunTuiOptions } from './run'
export { downloadBackup, uploadRestore } from './backup-transfer'
export type { TransferProgress } from './backup-transfer'
export { loadOrCreateHostKey, startSshServer } from './ssh-server'
export type { SshServeOptions } from './ssh-server'
