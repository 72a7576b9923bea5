// Loaded on demand (dynamic import) so chart.js never weighs on the first page. Only the
// controllers, elements and scales the dashboard draws are registered: chart.js tree-shakes the rest.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js'

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip)
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily
Chart.defaults.color = '#1c2330'
Chart.defaults.animation = false

export { Chart }
