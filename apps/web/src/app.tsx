import { Route, Router } from '@solidjs/router'
import { createSignal, lazy } from 'solid-js'
import { Shell } from './components/shell'
import { I18nProvider } from './i18n/i18n-context'
import { NotFoundPage } from './pages/not-found-page'
import { SessionProvider } from './session/session-context'

// Every page is its own chunk: the first paint loads the shell and the page asked for only.
const OverviewPage = lazy(() => import('./pages/overview-page'))
const PlansPage = lazy(() => import('./pages/plans-page'))
const PlanPage = lazy(() => import('./pages/plan-page'))
const PlanImportPage = lazy(() => import('./pages/plan-import-page'))
const ReportingPage = lazy(() => import('./pages/reporting-page'))
const UnitsPage = lazy(() => import('./pages/units-page'))

export function App() {
  const [userId, setUserId] = createSignal<string>()
  return (
    <I18nProvider userId={userId}>
      <SessionProvider onUser={setUserId}>
        <Router root={Shell}>
          <Route path="/" component={OverviewPage} />
          <Route path="/plans" component={PlansPage} />
          <Route path="/plans/import" component={PlanImportPage} />
          <Route path="/plans/:id" component={PlanPage} />
          <Route path="/reporting" component={ReportingPage} />
          <Route path="/units" component={UnitsPage} />
          <Route path="/units/:id" component={UnitsPage} />
          <Route path="*" component={NotFoundPage} />
        </Router>
      </SessionProvider>
    </I18nProvider>
  )
}
