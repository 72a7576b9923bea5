// @papi/bench: the dataset generator behind `papi bench generate` (the suite itself is src/run.ts).
export { generate, GENERATED_AT, progressBar, SCALES, stableId } from './generate'
export type { GenerateOptions, GenerateResult, Scale } from './generate'
export { readRegister } from './register'
export type { RegisterProvince } from './register'
