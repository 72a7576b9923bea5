import { createSignal, onCleanup, type Accessor } from 'solid-js'

/**
 * Whether a CSS media query matches, kept up to date (a phone turned sideways, a window resized).
 * False where there is no `matchMedia` (tests without a browser).
 *
 * @example
 * const narrow = createMediaQuery('(max-width: 520px)')
 */
export function createMediaQuery(query: string): Accessor<boolean> {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => false
  const list = window.matchMedia(query)
  const [matches, setMatches] = createSignal(list.matches)
  const onChange = (e: MediaQueryListEvent) => setMatches(e.matches)
  list.addEventListener('change', onChange)
  onCleanup(() => list.removeEventListener('change', onChange))
  return matches
}
