#!/usr/bin/env node
// The `papi` executable: runs the command line (./cli.ts) and exits with its code. Only the command
// named is loaded (commands/index.ts): `papi tui`'s first frame does not wait for the document
// readers and database drivers of the others.
const { main } = await import('./cli')
process.exitCode = await main(process.argv.slice(2))
export {}
