/**
 * Sets the process up for Ink before it loads (both of these are read once, on import):
 * - NO_COLOR (https://no-color.org) turns chalk's colours off, which chalk only learns from
 *   FORCE_COLOR=0;
 * - Ink draws only a program's last frame, on exit, when it believes it runs under CI (is-in-ci
 *   reads CI and CONTINUOUS_INTEGRATION). A TUI started from a shell, container or job that
 *   exports CI=true then showed a blank screen until it quit. `papi tui` and `papi ssh-serve`
 *   always draw for a person at a terminal, so those two variables are cleared first.
 */
export function prepareInk(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NO_COLOR) env.FORCE_COLOR = '0'
  delete env.CI
  delete env.CONTINUOUS_INTEGRATION
}
