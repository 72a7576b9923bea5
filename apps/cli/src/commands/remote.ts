// What the commands that talk to a running papi API share: its URL and the session token.

/** The API's URL: `--url`, else PAPI_URL, else the local default. */
export function apiUrl(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return option ?? (env.PAPI_URL?.trim() || 'http://127.0.0.1:8787')
}

/** A one-line progress bar for stderr: `[########------------] 40%`. */
export function progressBar(ratio: number | undefined, label: string, width = 30): string {
  if (ratio === undefined) return `\r${label} …`
  const done = Math.round(Math.max(0, Math.min(1, ratio)) * width)
  return `\r${label} [${'#'.repeat(done)}${'-'.repeat(width - done)}] ${Math.round(ratio * 100)}%`
}
