import type { Locale } from '@papi/domain'
import type { Key } from 'ink'

/**
 * Every key binding of the TUI, in one place (as gemini-cli keeps its keyBindings): the help bar
 * lists them from here and the screens match input against them, so what is shown is what works.
 * A key is named as `keyName` names it: a character, or `up`, `down`, `pageup`, `pagedown`,
 * `home`, `end`, `return`, `escape`, `tab`, `shift+tab`, `backspace`, `ctrl+<c>`.
 */
export interface Binding {
  keys: readonly string[]
  label: Record<Locale, string>
  /** Left out of the help bar (arrows and the like are shown once as a group). */
  hidden?: boolean
}

const b = (keys: readonly string[], vi: string, en: string, hidden = false): Binding => ({ keys, label: { vi, en }, hidden })

export const KEYS = {
  global: {
    quit: b(['ctrl+c', 'ctrl+q'], 'thoát', 'quit'),
    next: b(['tab'], 'màn sau', 'next screen'),
    previous: b(['shift+tab'], 'màn trước', 'previous screen', true),
    jump: b(['1', '2', '3', '4', '5', '6', '7', '8'], 'chọn màn', 'go to screen', true),
    language: b(['ctrl+l'], 'English', 'Tiếng Việt'),
  },
  list: {
    up: b(['up', 'k'], 'lên', 'up', true),
    down: b(['down', 'j'], 'xuống', 'down', true),
    pageUp: b(['pageup'], 'trang trước', 'page up', true),
    pageDown: b(['pagedown'], 'trang sau', 'page down', true),
    home: b(['home'], 'đầu', 'first', true),
    end: b(['end'], 'cuối', 'last', true),
    filter: b(['/'], 'lọc', 'filter'),
    reload: b(['ctrl+r'], 'tải lại', 'reload', true),
  },
  dialog: {
    submit: b(['return'], 'đồng ý', 'submit'),
    cancel: b(['escape'], 'hủy', 'cancel'),
    yes: b(['y'], 'có', 'yes'),
    no: b(['n', 'escape'], 'không', 'no'),
  },
  units: {
    create: b(['n'], 'tạo', 'new'),
    rename: b(['r'], 'đổi tên', 'rename'),
    move: b(['m'], 'chuyển', 'move'),
    merge: b(['g'], 'sáp nhập', 'merge'),
    end: b(['e'], 'kết thúc', 'end'),
    remove: b(['d'], 'xóa', 'delete'),
    asOf: b(['t'], 'tại ngày', 'as of'),
    importRegister: b(['i'], 'nhập danh mục', 'import register'),
  },
  users: {
    create: b(['n'], 'tạo', 'new'),
    roles: b(['o'], 'vai trò', 'roles'),
    password: b(['p'], 'đặt lại mật khẩu', 'reset password'),
    revoke: b(['x'], 'chấm dứt phiên', 'end sessions'),
    keys: b(['s'], 'khóa SSH', 'SSH keys'),
    disable: b(['l'], 'khóa/mở', 'disable/enable'),
    remove: b(['d'], 'xóa', 'delete'),
  },
  plans: {
    importPlan: b(['i'], 'nhập văn bản', 'import document'),
    publish: b(['p'], 'ban hành', 'publish'),
    remove: b(['d'], 'xóa bản nháp', 'delete draft'),
  },
  periods: {
    plan: b(['[', ']'], 'đổi kế hoạch', 'switch plan'),
    lock: b(['l'], 'khóa/mở kỳ', 'lock/unlock'),
    deadline: b(['e'], 'sửa hạn', 'edit deadline'),
  },
  reporting: {
    plan: b(['[', ']'], 'đổi kế hoạch', 'switch plan'),
    period: b(['p'], 'chọn kỳ', 'choose period'),
    reminder: b(['c'], 'danh sách nhắc', 'reminder list'),
  },
  scores: {
    importScores: b(['i'], 'nhập bảng điểm', 'import table'),
  },
  audit: {
    user: b(['u'], 'theo người', 'by user'),
    unit: b(['o'], 'theo đơn vị', 'by unit'),
    action: b(['a'], 'theo thao tác', 'by action'),
    date: b(['t'], 'theo ngày', 'by date'),
    more: b(['m'], 'tải thêm', 'load more'),
  },
  backup: {
    backup: b(['b'], 'sao lưu', 'back up'),
    restore: b(['r'], 'khôi phục', 'restore'),
  },
  preview: {
    confirm: b(['return'], 'lưu', 'store'),
    cancel: b(['escape'], 'hủy', 'cancel'),
  },
  /** The panel of a plan revision (a re-import of a stored plan): Enter confirms the revision. */
  revision: {
    confirm: b(['return'], 'xác nhận sửa kế hoạch', 'confirm the revision'),
    cancel: b(['escape'], 'hủy', 'cancel'),
  },
  /** A panel that only tells (a summary, a list to copy): nothing to confirm. */
  info: {
    close: b(['escape', 'return'], 'đóng', 'close'),
  },
} as const

/**
 * The name of a key press as the bindings spell it.
 *
 * @example
 * keyName('', { upArrow: true } as Key) // 'up'
 * keyName('c', { ctrl: true } as Key) // 'ctrl+c'
 */
export function keyName(input: string, key: Key): string {
  if (key.upArrow) return 'up'
  if (key.downArrow) return 'down'
  if (key.leftArrow) return 'left'
  if (key.rightArrow) return 'right'
  if (key.pageUp) return 'pageup'
  if (key.pageDown) return 'pagedown'
  if ((key as Key & { home?: boolean }).home) return 'home'
  if ((key as Key & { end?: boolean }).end) return 'end'
  if (key.return) return 'return'
  if (key.escape) return 'escape'
  if (key.tab) return key.shift ? 'shift+tab' : 'tab'
  if (key.backspace || key.delete) return 'backspace'
  if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`
  return input
}

/**
 * The keys of one read of the terminal, each with its flags. Keys typed together can arrive at
 * once (a slow SSH link, a quick typist, tmux), and Ink hands such a read over as one input: a
 * read of plain characters, Enter, Tab and Backspace is split into one key each. Anything else —
 * one key, a read Ink has already named (an arrow, a control key), text with other controls —
 * stays as it came.
 *
 * @example
 * keysIn('jj\r', key) // [['j', key], ['j', key], ['', { ...key, return: true }]]
 */
export function keysIn(input: string, key: Key): [string, Key][] {
  const flagged = Object.entries(key).some(([flag, on]) => on === true && flag !== 'shift')
  if (input.length < 2 || flagged || !/^[\x20-\x7e\r\t\x7f]+$/.test(input)) return [[input, key]]
  return [...input].map((char): [string, Key] => {
    const flags = { ...key, return: char === '\r', tab: char === '\t', backspace: char === '\x7f', shift: char !== char.toLowerCase() }
    return [flags.return || flags.tab || flags.backspace ? '' : char, flags]
  })
}

/** An edit of a line of text being typed ({@link lineEdits}). */
export type LineEdit = { type: 'submit' } | { type: 'cancel' } | { type: 'erase' } | { type: 'clear' } | { type: 'type'; text: string }

/**
 * A key press read as edits of a line being typed (a prompt, a list's filter), in the order typed.
 * Keys can come faster than the terminal is read (a slow SSH link delivers them in bursts): text,
 * backspaces (DEL characters) and the Enter after them then arrive as one string.
 *
 * @example
 * lineEdits('adx\x7fm\r', {} as Key) // type "ad", erase, type "m", submit
 */
export function lineEdits(input: string, key: Key): LineEdit[] {
  if (matches(KEYS.dialog.submit, input, key)) return [{ type: 'submit' }]
  if (matches(KEYS.dialog.cancel, input, key)) return [{ type: 'cancel' }]
  if (keyName(input, key) === 'backspace') return [{ type: 'erase' }]
  if (keyName(input, key) === 'ctrl+u') return [{ type: 'clear' }]
  if (!input || key.ctrl || key.meta || key.upArrow || key.downArrow || key.tab) return []
  const edits: LineEdit[] = []
  let text = ''
  const typed = () => {
    if (text) edits.push({ type: 'type', text })
    text = ''
  }
  for (const char of input) {
    if (char === '\x7f' || char === '\b') {
      typed()
      edits.push({ type: 'erase' })
    } else if (char === '\r' || char === '\n') {
      typed()
      edits.push({ type: 'submit' })
      return edits // what follows an Enter is not this line's
    } else text += char
  }
  typed()
  return edits
}

/** Whether a key press is one of a binding's keys. */
export function matches(binding: Binding, input: string, key: Key): boolean {
  return binding.keys.includes(keyName(input, key))
}

/** The entries of the help bar for a group of bindings: "n tạo", "/ lọc"… */
export function helpEntries(bindings: Record<string, Binding>, locale: Locale): string[] {
  return Object.values(bindings)
    .filter((binding) => !binding.hidden)
    .map((binding) => `${binding.keys.join('/')} ${binding.label[locale]}`)
}

/** Whether a key name (from {@link keyName}) is one of a binding's keys. */
export function matchesName(binding: Binding, name: string): boolean {
  return binding.keys.includes(name)
}
