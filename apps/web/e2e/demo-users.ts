/** Demo accounts the API's demo data creates (apps/api/src/demo-seed.ts: DEMO_PASSWORD, accounts). */
export interface DemoUser {
  username: string
  password: string
}

const password = process.env.PAPI_DEMO_PASSWORD ?? 'papi-demo-2018'

export const DEMO_USERS = {
  /** Reporter of UBND phường Vĩnh Thanh Vân, which leads the commune tasks of 97/KH-UBND. */
  reporter: { username: process.env.PAPI_DEMO_REPORTER ?? 'reporter', password },
  /** Planner for UBND tỉnh Kiên Giang at Sở Nội vụ (the standing agency), also Sở Nội vụ's reporter. */
  planner: { username: process.env.PAPI_DEMO_PLANNER ?? 'planner', password },
  /** Viewer at UBND thành phố Rạch Giá: reads, neither reports nor reviews. */
  viewer: { username: process.env.PAPI_DEMO_VIEWER ?? 'viewer', password },
} satisfies Record<string, DemoUser>
