import type { Locale } from '@papi/domain'
import { createContext, useContext } from 'react'
import type { PapiClient } from './api'
import type { PanelKeys } from './components/dialog'
import type { StatusKind } from './components/status-line'
import type { Messages } from './i18n'

/** What every screen gets from the app: the API, the language, and the dialogs. */
export interface Ui {
  api: PapiClient
  url: string
  token: string
  locale: Locale
  m: Messages
  color: boolean
  /** fetch with the session's headers, for the two binary routes (backup, restore). */
  fetch: typeof fetch
  ask(label: string, options?: { initial?: string; secret?: boolean }): Promise<string | undefined>
  confirm(text: string): Promise<boolean>
  choose(label: string, options: readonly { value: string; label: string }[]): Promise<string | undefined>
  /**
   * A panel of lines; with a footer it asks to confirm (resolves true on Enter), without one it only
   * tells. `keys` names what Enter and Esc do there, for the help bar (the preview's "store" by default).
   */
  panel(title: string, lines: readonly string[], footer?: string, keys?: PanelKeys): Promise<boolean>
  progress(label: string, ratio: number | undefined): void
  closeDialog(): void
  status(text: string, kind?: StatusKind): void
  /**
   * Runs an action: the message it answers, when it answers one, goes to the status line as a
   * success; an API failure goes there as an error, a 401 back to sign-in.
   */
  act(action: () => Promise<void> | Promise<string | undefined>): Promise<void>
}

export const UiContext = createContext<Ui | null>(null)

export function useUi(): Ui {
  const ui = useContext(UiContext)
  if (!ui) throw new Error('useUi outside <UiContext>')
  return ui
}
