#!/usr/bin/env node
// The `papi` executable: runs the command line (./cli.ts) and exits with its code.
import { main } from './cli'

process.exitCode = await main(process.argv.slice(2))
