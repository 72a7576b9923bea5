import { papiVitestConfig } from '@papi/tooling/vitest'

export default papiVitestConfig()
