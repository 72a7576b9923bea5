import { useLocation } from '@solidjs/router'
import { createEffect, createSignal, on, onCleanup, onMount, type Accessor } from 'solid-js'
import type { SessionState } from '../session/session-context'

/**
 * Tells every page change to those who cannot see it (WCAG 2.4.2, 4.1.3): the page's `<h1>`
 * becomes the document title ("Kế hoạch · papi") and is read out by a live region that is always
 * in the page. After a navigation the user made (a link, the sign-in), focus moves to that `<h1>`,
 * so the next Tab starts in the new page rather than back at the logo.
 *
 * Pages need no code for it: the shell watches `main` for its `<h1>`, which loads with the page.
 */
export function PageAnnouncer(props: { appName: string; session: Accessor<SessionState> }) {
  const location = useLocation()
  const [message, setMessage] = createSignal('')
  // Set when the page changes; the announcement waits until the new page's heading is there.
  let pending: { focus: boolean } | undefined

  const headingOf = () => document.querySelector<HTMLElement>('main h1')
  const update = () => {
    const h1 = headingOf()
    const text = h1?.textContent?.replace(/\s+/g, ' ').trim()
    if (!h1 || !text) return
    const title = `${text} · ${props.appName}`
    if (document.title !== title) document.title = title
    if (pending) {
      const { focus } = pending
      pending = undefined
      setMessage(text)
      if (focus) {
        h1.tabIndex = -1
        h1.focus()
      }
    }
  }

  createEffect(
    on([() => location.pathname, props.session], (_, previous) => {
      // The first page, and the one the session check opens, are not something the user did.
      const userMade = previous !== undefined && previous[1] !== 'checking'
      pending = { focus: userMade }
      queueMicrotask(update)
    }),
  )

  onMount(() => {
    const main = document.querySelector('main')
    if (!main) return
    const observer = new MutationObserver(update)
    observer.observe(main, { childList: true, subtree: true, characterData: true })
    onCleanup(() => observer.disconnect())
  })

  return (
    <p class="sr-only" aria-live="polite" aria-atomic="true" data-testid="page-announcer">
      {message()}
    </p>
  )
}
