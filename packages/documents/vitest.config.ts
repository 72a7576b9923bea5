import { papiVitestConfig } from '@papi/tooling/vitest'

// Writing and re-reading a .docx/.xlsx takes about a second alone but several on a loaded 2-core
// machine: the shared config's 30 s per test, rather than vitest's 5 s.
export default papiVitestConfig()
