/* @refresh reload */
import { render } from 'solid-js/web'
import { App } from './app'
import './styles.css'

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root')
root.textContent = ''
render(() => <App />, root)
