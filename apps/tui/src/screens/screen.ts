/** What the app hands each screen: its share of the terminal and whether it has the keyboard. */
export interface ScreenProps {
  width: number
  height: number
  active: boolean
}
