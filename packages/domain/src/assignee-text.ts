import { z } from 'zod'
import { AssigneeSchema, type Unit, type UnitClass } from './unit'
import { foldText } from './text'

/**
 * An assignee read from a plan's text: the unit's own words (`text`), the canonical name a reader
 * would write out in full (`name`: "Sở GTVT" → "Sở Giao thông vận tải"), and, when the words name
 * a group of units, its class.
 */
export const ParsedAssigneeSchema = AssigneeSchema.extend({ name: z.string().min(1) })
export type ParsedAssignee = z.infer<typeof ParsedAssigneeSchema>

/** A unit a provincial plan names, with the abbreviations plans write it with. */
export interface KnownUnitName {
  name: string
  aliases: readonly string[]
}

/**
 * Provincial departments and agencies as plans name them, with their common abbreviations. The
 * names decide where a comma splits two units and where it belongs to one name ("Sở Văn hóa,
 * Thể thao và Du lịch"). Names before and after the 1 March 2025 department mergers are both
 * here: plans from either side must read.
 */
export const KNOWN_UNIT_NAMES: readonly KnownUnitName[] = [
  { name: 'Sở Nội vụ', aliases: ['SNV'] },
  { name: 'Sở Tư pháp', aliases: ['STP'] },
  { name: 'Sở Kế hoạch và Đầu tư', aliases: ['Sở KH&ĐT', 'Sở KHĐT', 'Sở KH và ĐT', 'Sở KH-ĐT'] },
  { name: 'Sở Tài chính', aliases: ['STC'] },
  { name: 'Sở Công Thương', aliases: ['Sở CT'] },
  {
    name: 'Sở Nông nghiệp và Phát triển nông thôn',
    aliases: ['Sở NN&PTNT', 'Sở NNPTNT', 'Sở NN và PTNT', 'Sở Nông nghiệp và PTNT'],
  },
  { name: 'Sở Nông nghiệp và Môi trường', aliases: ['Sở NN&MT', 'Sở NNMT', 'Sở NN và MT'] },
  { name: 'Sở Giao thông vận tải', aliases: ['Sở GTVT', 'Sở Giao thông - Vận tải'] },
  { name: 'Sở Xây dựng', aliases: ['Sở XD'] },
  { name: 'Sở Tài nguyên và Môi trường', aliases: ['Sở TN&MT', 'Sở TNMT', 'Sở TN và MT'] },
  { name: 'Sở Thông tin và Truyền thông', aliases: ['Sở TT&TT', 'Sở TTTT', 'Sở TT và TT'] },
  {
    name: 'Sở Lao động - Thương binh và Xã hội',
    aliases: ['Sở LĐ-TB&XH', 'Sở LĐTB&XH', 'Sở LĐTBXH', 'Sở Lao động Thương binh và Xã hội'],
  },
  { name: 'Sở Văn hóa, Thể thao và Du lịch', aliases: ['Sở VH-TT&DL', 'Sở VHTT&DL', 'Sở VHTTDL', 'Sở VH,TT&DL'] },
  { name: 'Sở Văn hóa và Thể thao', aliases: ['Sở VH&TT', 'Sở VHTT'] },
  { name: 'Sở Du lịch', aliases: [] },
  { name: 'Sở Khoa học và Công nghệ', aliases: ['Sở KH&CN', 'Sở KHCN', 'Sở KH và CN'] },
  { name: 'Sở Giáo dục và Đào tạo', aliases: ['Sở GD&ĐT', 'Sở GDĐT', 'Sở GD và ĐT', 'Sở GD-ĐT'] },
  { name: 'Sở Y tế', aliases: ['SYT'] },
  { name: 'Sở Ngoại vụ', aliases: [] },
  { name: 'Sở Dân tộc và Tôn giáo', aliases: ['Sở DT&TG'] },
  { name: 'Ban Dân tộc', aliases: ['Ban Dân tộc tỉnh'] },
  { name: 'Thanh tra tỉnh', aliases: ['Thanh tra Tỉnh'] },
  {
    name: 'Văn phòng Ủy ban nhân dân tỉnh',
    aliases: ['Văn phòng UBND tỉnh', 'VP UBND tỉnh', 'VPUBND tỉnh', 'Văn phòng UBND'],
  },
  {
    name: 'Văn phòng Đoàn đại biểu Quốc hội, Hội đồng nhân dân và Ủy ban nhân dân tỉnh',
    aliases: ['Văn phòng HĐND và UBND tỉnh', 'Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh'],
  },
  { name: 'Công an tỉnh', aliases: ['CA tỉnh'] },
  { name: 'Bộ Chỉ huy Quân sự tỉnh', aliases: ['Bộ CHQS tỉnh'] },
  { name: 'Bảo hiểm xã hội tỉnh', aliases: ['BHXH tỉnh'] },
  { name: 'Bưu điện tỉnh', aliases: [] },
  { name: 'Cục Thuế tỉnh', aliases: [] },
  { name: 'Kho bạc Nhà nước tỉnh', aliases: ['KBNN tỉnh'] },
  {
    name: 'Đài Phát thanh và Truyền hình tỉnh',
    aliases: ['Đài PT-TH tỉnh', 'Đài PTTH tỉnh', 'Đài Phát thanh - Truyền hình tỉnh'],
  },
  { name: 'Trung tâm Phục vụ hành chính công tỉnh', aliases: ['Trung tâm PVHCC tỉnh'] },
  {
    name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
    aliases: ['UBMTTQ tỉnh', 'UBMTTQVN tỉnh', 'Ủy ban MTTQ Việt Nam tỉnh', 'Ủy ban MTTQ tỉnh', 'UB MTTQVN tỉnh'],
  },
  { name: 'Tỉnh đoàn', aliases: ['Tỉnh Đoàn'] },
  { name: 'Hội Liên hiệp Phụ nữ tỉnh', aliases: ['Hội LHPN tỉnh'] },
  { name: 'Hội Nông dân tỉnh', aliases: [] },
  { name: 'Hội Cựu chiến binh tỉnh', aliases: ['Hội CCB tỉnh'] },
  { name: 'Liên đoàn Lao động tỉnh', aliases: ['LĐLĐ tỉnh'] },
]

/**
 * Splits the text of a lead or coordinator cell into the units a reader sees in it.
 *
 * ";" and "," separate units, except where the comma belongs to one name ("Sở Văn hóa, Thể
 * thao và Du lịch") or one class ("Các sở, ban, ngành", "công an xã, phường, thị trấn"): a piece
 * after a comma that does not start like a unit name continues the one before it. "và" separates
 * two units only when what follows it starts like a unit ("Sở Nội vụ và các cơ quan liên quan",
 * not "Sở Tài nguyên và Môi trường"). Abbreviations are expanded into `name`; `text` keeps the
 * plan's own words for that unit. Class phrases get their `unitClass`; "UBND cấp huyện, cấp xã"
 * is two assignees.
 *
 * @example
 * parseAssignees('Sở Nội vụ, UBND cấp huyện; UBND cấp xã')
 * // [ { text: 'Sở Nội vụ', name: 'Sở Nội vụ' },
 * //   { text: 'UBND cấp huyện', name: 'Ủy ban nhân dân cấp huyện', unitClass: 'district-committees' },
 * //   { text: 'UBND cấp xã', name: 'Ủy ban nhân dân cấp xã', unitClass: 'commune-committees' } ]
 * parseAssignees('Sở GD và ĐT')[0]?.name // 'Sở Giáo dục và Đào tạo'
 */
export function parseAssignees(text: string): ParsedAssignee[] {
  const clean = tidy(text)
  if (clean === '') return []
  const out: ParsedAssignee[] = []
  for (const piece of splitUnitPieces(clean)) {
    out.push(...classify(piece))
  }
  return dedupe(out)
}

/**
 * Whether text reads as nothing but a list of units, classes included ("Sở Nội vụ, các cơ quan
 * có liên quan" yes; "Tăng cường công tác tuyên truyền" no). Prose readers use it to tell who is
 * named at the start of a sentence from what is to be done.
 *
 * @example
 * isAssigneeList('Thanh tra tỉnh') // true
 * isAssigneeList('Thanh tra tỉnh chủ trì thanh tra') // false
 */
export function isAssigneeList(text: string): boolean {
  const clean = tidy(text)
  if (clean === '') return false
  return splitUnitPieces(clean).every((piece) => isRecognised(piece))
}

/** The outcome of {@link matchAssignees}: every assignee (matched ones with `unitId`), and those left unmatched. */
export interface AssigneeMatch<T extends ParsedAssignee> {
  assignees: T[]
  unmatched: T[]
  /** Unmatched because several units fit: the assignee and the ids of every unit it could be. */
  ambiguous: { assignee: T; unitIds: string[] }[]
}

/** Units by the keys their names, codes and official codes are matched by ({@link indexUnitNames}). */
export interface UnitNameIndex {
  readonly byKey: ReadonlyMap<string, ReadonlySet<string>>
  /**
   * The match keys of assignee names already looked up against this index: a 5,000-task plan names
   * the same few dozen units ~20,000 times, and folding each again was most of matching it.
   */
  readonly keysOfName?: Map<string, string[]>
}

/**
 * The units' match keys, computed once: a plan's tasks are matched against the same units many
 * times, and folding every name of a national register (~17,000 units) for each task made an
 * unscoped import take tens of seconds.
 *
 * @example
 * const index = indexUnitNames(units)
 * for (const task of tasks) matchAssignees(task.lead, index)
 */
export function indexUnitNames(units: readonly Unit[]): UnitNameIndex {
  const byKey = new Map<string, Set<string>>()
  const add = (key: string, unitId: string) => {
    if (key === '') return
    const ids = byKey.get(key) ?? new Set<string>()
    ids.add(unitId)
    byKey.set(key, ids)
  }
  for (const unit of units) {
    for (const key of nameKeys(unit.name)) add(key, unit.id)
    add(compact(unit.code), unit.id)
    if (unit.officialCode !== undefined) add(compact(unit.officialCode), unit.id)
  }
  return { byKey, keysOfName: new Map() }
}

/**
 * Matches named assignees to the organisation tree by normalised name: case, diacritics,
 * spacing and "&"/"và" do not matter, a trailing "tỉnh <name>" may be left out on either side,
 * and the abbreviations of {@link KNOWN_UNIT_NAMES} count as the name. Class assignees are left
 * for `resolveAssignees`; an assignee already matched keeps its unit. A name that fits no unit,
 * or several, stays unmatched and is reported so a person can review it — never dropped.
 *
 * `units` may be an {@link indexUnitNames} index, built once for many calls.
 *
 * @example
 * const units = [{ id: 'snv', code: 'SNV', name: 'Sở Nội vụ tỉnh Kiên Giang', level: 'province', kind: 'department', parentId: 'kg', successorIds: [] }]
 * matchAssignees(parseAssignees('Sở Nội vụ; Sở GTVT'), units)
 * // { assignees: [{ text: 'Sở Nội vụ', name: 'Sở Nội vụ', unitId: 'snv' }, { text: 'Sở GTVT', … }],
 * //   unmatched: [{ text: 'Sở GTVT', name: 'Sở Giao thông vận tải' }] }
 */
export function matchAssignees<T extends ParsedAssignee>(
  assignees: readonly T[],
  units: readonly Unit[] | UnitNameIndex,
): AssigneeMatch<T> {
  const { byKey, keysOfName } = 'byKey' in units ? units : indexUnitNames(units)
  const keysOf = (name: string) => {
    let keys = keysOfName?.get(name)
    if (keys === undefined) {
      keys = nameKeys(name)
      keysOfName?.set(name, keys)
    }
    return keys
  }
  const matched: T[] = []
  const unmatched: T[] = []
  const ambiguous: { assignee: T; unitIds: string[] }[] = []
  for (const assignee of assignees) {
    if (assignee.unitId !== undefined || assignee.unitClass !== undefined) {
      matched.push(assignee)
      continue
    }
    const candidates = new Set<string>()
    const several = new Set<string>()
    for (const key of [...keysOf(assignee.name), ...keysOf(assignee.text)]) {
      const ids = byKey.get(key)
      if (ids && ids.size === 1) for (const id of ids) candidates.add(id)
      else if (ids) for (const id of ids) several.add(id)
    }
    const [only] = candidates
    if (candidates.size === 1 && only !== undefined) {
      matched.push({ ...assignee, unitId: only })
    } else {
      matched.push(assignee)
      unmatched.push(assignee)
      const fits = candidates.size > 1 ? candidates : several
      if (fits.size > 1) ambiguous.push({ assignee, unitIds: [...fits] })
    }
  }
  return { assignees: matched, unmatched, ambiguous }
}

// ---------------------------------------------------------------------------------------------
// Normalising
// ---------------------------------------------------------------------------------------------

/** NFC, plain spaces, no zero-width characters, no list punctuation around the text. */
function tidy(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s\-+*•–;,.:]+/, '')
    .replace(/[\s;,.:]+$/, '')
    .trim()
}

/**
 * A name reduced to its letters without "và": "Sở GD&ĐT", "Sở GD và ĐT" and "Sở GDĐT" all give
 * "sogddt", so one alias covers the ways an abbreviation is typed.
 */
function compact(text: string): string {
  return foldText(text)
    .split(' ')
    .filter((word) => word !== 'va')
    .join('')
}

// "tỉnh Kiên Giang" after a department's name says where it is, not which department it is.
const PLACE_SUFFIX = /\s+(?:tỉnh|thành phố)(?:\s+\p{Lu}[\p{L}-]*)+$|\s+tỉnh$/u

// A business's legal form in front of its name: the register says "Công ty Điện lực tỉnh", a plan
// "Điện lực tỉnh"; "Chi nhánh Ngân hàng Chính sách xã hội" is written without "Chi nhánh" too.
// What follows the form still names the body; a name that is nothing but the form keeps it.
const LEGAL_FORM =
  /^(?:tổng\s+công\s+ty|công\s+ty(?:\s+(?:tnhh|trách\s+nhiệm\s+hữu\s+hạn)(?:\s+(?:mtv|một\s+thành\s+viên|1\s+thành\s+viên))?|\s+cổ\s+phần)?|chi\s+nhánh)\s+(?=\S)/iu

/** Keys a unit name is known by: itself, without its place, without its legal form, and its known aliases. */
function nameKeys(name: string): string[] {
  const clean = tidy(name)
  const bare = clean.replace(PLACE_SUFFIX, '')
  const keys = new Set([compact(clean), compact(bare)])
  const unformed = clean.replace(LEGAL_FORM, '')
  if (unformed !== clean) {
    keys.add(compact(unformed))
    keys.add(compact(unformed.replace(PLACE_SUFFIX, '')))
  }
  for (const key of [...keys]) {
    const known = KNOWN_BY_KEY.get(key)
    if (known) {
      for (const alias of [known.name, ...known.aliases]) {
        keys.add(compact(alias))
        keys.add(compact(alias.replace(PLACE_SUFFIX, '')))
      }
    }
  }
  keys.delete('')
  return [...keys]
}

const KNOWN_BY_KEY: ReadonlyMap<string, KnownUnitName> = new Map(
  KNOWN_UNIT_NAMES.flatMap((known) => [known.name, ...known.aliases].map((alias) => [compact(alias), known] as const)),
)

/** The known unit a piece of text names, with or without "tỉnh <name>" after it. */
function knownUnit(text: string): KnownUnitName | undefined {
  return KNOWN_BY_KEY.get(compact(text)) ?? KNOWN_BY_KEY.get(compact(text.replace(PLACE_SUFFIX, '')))
}

// ---------------------------------------------------------------------------------------------
// Where one unit ends and the next begins
// ---------------------------------------------------------------------------------------------

// Words a unit's name starts with whatever their case ("các cơ quan…", "công an xã…").
const HEADS_ANY_CASE = [
  'ubnd',
  'uy ban',
  'ub',
  'ubmttq',
  'ubmttqvn',
  'mttq',
  'mttqvn',
  'mat tran',
  'hdnd',
  'hoi dong',
  'van phong',
  'vp',
  'thanh tra',
  'cong an',
  'buu dien',
  'bao hiem xa hoi',
  'bhxh',
  'dien luc',
  'cong ty',
  'tong cong ty',
  'trung tam',
  'chi cuc',
  'kho bac',
  'ngan hang',
  'toa an',
  'vien kiem sat',
  'cac',
  'co quan',
  'cong chuc',
  'can bo',
  'chu tich',
  'pho chu tich',
  'thu truong',
  'nguoi dung dau',
  'lanh dao',
  'tinh doan',
  'lien doan',
  'bo chi huy',
  'dai',
  'tinh uy',
  'huyen uy',
  'dang uy',
]
// Words that start a unit's name only when capitalised: "Ban Dân tộc" is a unit, the "ban" of
// "Các sở, ban, ngành" is not; "Báo Kiên Giang" is a newspaper, "báo chí" is not.
const HEADS_CAPITALISED = ['Sở', 'Ban', 'Phòng', 'Báo', 'Hội', 'Đoàn', 'Bộ', 'Cục', 'Trưởng', 'Tổ', 'Quỹ', 'Bệnh viện', 'Trường']

function startsLikeUnit(piece: string): boolean {
  const f = foldText(piece)
  if (HEADS_ANY_CASE.some((head) => f === head || f.startsWith(`${head} `))) return true
  return HEADS_CAPITALISED.some((head) => piece === head || piece.startsWith(`${head} `))
}

interface Span {
  start: number
  end: number
}

/** Splits on ";" and line breaks, then on commas and "và" where a new unit starts. */
function splitUnitPieces(text: string): string[] {
  const pieces: string[] = []
  for (const part of spans(text, /\s*[;\n]\s*/g)) {
    const partText = text.slice(part.start, part.end)
    const commaPieces = spans(partText, /\s*,\s*/g)
    const merged: Span[] = []
    for (const span of commaPieces) {
      const pieceText = partText.slice(span.start, span.end)
      const previous = merged.at(-1)
      if (previous && !startsLikeUnit(pieceText)) previous.end = span.end
      else merged.push({ ...span })
    }
    // A name or class may hold a comma followed by a unit-like word ("Cán bộ, công chức liên
    // quan", "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh"); rejoin such neighbours.
    const joined: Span[] = []
    for (const span of merged) {
      const previous = joined.at(-1)
      if (previous && namesOne(partText.slice(previous.start, span.end)) && !namesOne(partText.slice(previous.start, previous.end))) {
        previous.end = span.end
      } else joined.push({ ...span })
    }
    for (const span of joined) pieces.push(...splitOnAnd(tidy(partText.slice(span.start, span.end))))
  }
  return pieces.filter((piece) => piece !== '')
}

/** The stretches of text between separators. */
function spans(text: string, separator: RegExp): Span[] {
  const out: Span[] = []
  let start = 0
  for (const match of text.matchAll(separator)) {
    out.push({ start, end: match.index })
    start = match.index + match[0].length
  }
  out.push({ start, end: text.length })
  return out.filter((span) => text.slice(span.start, span.end).trim() !== '')
}

/** "Sở Nội vụ và các cơ quan liên quan" → two; "MTTQ và các đoàn thể" stays one class. */
function splitOnAnd(piece: string): string[] {
  if (piece === '' || knownUnit(piece) || classOf(piece) || multiLevel(piece)) return [piece]
  const match = /\s+và\s+/u.exec(piece)
  if (!match) return [piece]
  const left = piece.slice(0, match.index)
  const right = piece.slice(match.index + match[0].length)
  if (!startsLikeUnit(right)) {
    // "Sở Tài nguyên và Môi trường và Sở Xây dựng": the first "và" is inside a name; look further.
    const rest = splitOnAnd(right)
    if (rest.length === 1) return [piece]
    return [`${left} và ${rest[0]}`, ...rest.slice(1)]
  }
  return [left, ...splitOnAnd(right)]
}

// ---------------------------------------------------------------------------------------------
// What a piece names
// ---------------------------------------------------------------------------------------------

interface ClassRule {
  pattern: RegExp
  unitClass: UnitClass
  name: string
}

// Patterns over folded text (no diacritics, no punctuation). Order matters: the first that fits wins.
const CLASS_RULES: readonly ClassRule[] = [
  {
    pattern:
      /^(?:(?:thu truong|lanh dao|nguoi dung dau) )?(?:cac )?(?:so ban nganh|so nganh|so)(?: ban)?(?: nganh)?(?: doan the)?(?: tinh)?(?: co)?(?: lien quan)?$/,
    unitClass: 'departments',
    name: 'Các sở, ban, ngành',
  },
  {
    pattern: /^(?:cac )?co quan chuyen mon(?: cap tinh| thuoc (?:ubnd|uy ban nhan dan) tinh)?$/,
    unitClass: 'departments',
    name: 'Các sở, ban, ngành',
  },
  {
    pattern:
      /^(?:chu tich )?(?:ubnd|uy ban nhan dan) (?:cap huyen|cac huyen(?: thi xa)?(?: thanh pho)?(?: thi xa)?|huyen thi xa thanh pho)$/,
    unitClass: 'district-committees',
    name: 'Ủy ban nhân dân cấp huyện',
  },
  {
    pattern: /^(?:chu tich )?(?:ubnd|uy ban nhan dan) (?:cap xa|cac xa(?: phuong)?(?: thi tran)?|xa phuong thi tran)$/,
    unitClass: 'commune-committees',
    name: 'Ủy ban nhân dân cấp xã',
  },
  {
    pattern: /^(?:chu tich )?(?:ubnd|uy ban nhan dan) (?:cap )?tinh$/,
    unitClass: 'province-committee',
    name: 'Ủy ban nhân dân tỉnh',
  },
  {
    pattern:
      /^(?:(?:ub|uy ban) )?(?:mttq|mttqvn|ubmttq|ubmttqvn|mat tran to quoc)(?: viet nam| vn)?(?: tinh| huyen| xa| cac cap)?(?: va)?(?: cac)?(?: to chuc)?(?: ban nganh| nganh)? doan the(?: chinh tri xa hoi)?(?: cac cap)?(?: co)?(?: lien quan)?(?: tinh| huyen| xa)?$/,
    unitClass: 'mass-organisations',
    name: 'Mặt trận Tổ quốc và các đoàn thể',
  },
  {
    pattern: /^(?:(?:ub|uy ban) )?(?:mttq|mttqvn|ubmttq|ubmttqvn|mat tran to quoc)(?: viet nam| vn)? cac cap$/,
    unitClass: 'mass-organisations',
    name: 'Mặt trận Tổ quốc các cấp',
  },
  {
    pattern:
      /^(?:cac )?(?:to chuc |ban nganh |nganh )?(?:doan the|to chuc chinh tri xa hoi)(?: chinh tri xa hoi)?(?: cac cap)?(?: co)?(?: lien quan)?(?: xa| tinh| huyen)?$/,
    unitClass: 'mass-organisations',
    name: 'Các đoàn thể',
  },
  {
    pattern:
      /^(?:cac )?(?:co quan|phuong tien) (?:thong tin dai chung|thong tan(?: bao chi)?|bao chi)(?: (?:tinh|huyen|xa|trung uong|dia phuong|cac cap|co lien quan|lien quan))?$/,
    unitClass: 'media',
    name: 'Các cơ quan thông tin đại chúng',
  },
  {
    pattern: /^(?:cac )?(?:(?:co quan|don vi|to chuc|dia phuong) ?)+(?:co )?lien quan$/,
    unitClass: 'related-agencies',
    name: 'Các cơ quan có liên quan',
  },
  {
    pattern:
      /^(?:cac )?(?:can bo )?cong chuc(?: vien chuc)?(?: (?:co )?lien quan| khac| chuyen mon)?(?: (?:ubnd|uy ban nhan dan) xa| xa)?$/,
    unitClass: 'civil-servants',
    name: 'Công chức liên quan',
  },
  {
    pattern: /^thanh tra (?:cac cap|cap huyen|huyen(?: thi xa)?(?: thanh pho)?|cac huyen(?: thi xa)?(?: thanh pho)?)$/,
    unitClass: 'inspectorates',
    name: 'Thanh tra các cấp',
  },
  {
    pattern:
      /^(?:cac )?(?:co quan don vi(?: dia phuong)?|co quan don vi dia phuong|cac cap chinh quyen|cap chinh quyen|nganh cac cap|cap cac nganh)$/,
    unitClass: 'all-units',
    name: 'Các cơ quan, đơn vị, địa phương',
  },
]

function classOf(piece: string): ClassRule | undefined {
  const f = foldText(piece)
  return CLASS_RULES.find((rule) => rule.pattern.test(f))
}

const LEVEL_CLASS: Readonly<Record<string, readonly [UnitClass, string]>> = {
  tỉnh: ['province-committee', 'Ủy ban nhân dân tỉnh'],
  huyện: ['district-committees', 'Ủy ban nhân dân cấp huyện'],
  xã: ['commune-committees', 'Ủy ban nhân dân cấp xã'],
}

// "UBND cấp huyện, cấp xã", "UBND cấp huyện, xã", "UBND cấp huyện và cấp xã": one head, two levels.
const MULTI_LEVEL =
  /^((?:Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+cấp\s+(tỉnh|huyện|xã))((?:\s*(?:,|và)\s*(?:cấp\s+)?(?:tỉnh|huyện|xã))+)$/iu

function multiLevel(piece: string): ParsedAssignee[] | undefined {
  const match = MULTI_LEVEL.exec(piece)
  if (!match) return undefined
  const [, first = '', firstLevel = '', rest = ''] = match
  const out: ParsedAssignee[] = []
  const push = (text: string, level: string) => {
    const entry = LEVEL_CLASS[level.toLowerCase()]
    if (entry) out.push({ text, name: entry[1], unitClass: entry[0] })
  }
  push(first, firstLevel)
  for (const other of rest
    .split(/\s*(?:,|\svà\s)\s*/u)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const level = /(tỉnh|huyện|xã)$/iu.exec(other)?.[1]
    if (level) push(other, level)
  }
  return out
}

// Abbreviations expanded in canonical names; the text keeps what the plan wrote.
const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<![\p{L}\p{N}])UBMTTQVN(?![\p{L}\p{N}])/gu, 'Ủy ban Mặt trận Tổ quốc Việt Nam'],
  [/(?<![\p{L}\p{N}])UBMTTQ(?![\p{L}\p{N}])/gu, 'Ủy ban Mặt trận Tổ quốc'],
  [/(?<![\p{L}\p{N}])MTTQVN(?![\p{L}\p{N}])/gu, 'Mặt trận Tổ quốc Việt Nam'],
  [/(?<![\p{L}\p{N}])MTTQ(?![\p{L}\p{N}])/gu, 'Mặt trận Tổ quốc'],
  [/(?<![\p{L}\p{N}])UBND(?![\p{L}\p{N}])/gu, 'Ủy ban nhân dân'],
  [/(?<![\p{L}\p{N}])HĐND(?![\p{L}\p{N}])/gu, 'Hội đồng nhân dân'],
  [/(?<![\p{L}\p{N}])BHXH(?![\p{L}\p{N}])/gu, 'Bảo hiểm xã hội'],
  [/(?<![\p{L}\p{N}])VP(?![\p{L}\p{N}])/gu, 'Văn phòng'],
  [/(?<![\p{L}\p{N}])PT-TH(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])PTTH(?![\p{L}\p{N}])/gu, 'Phát thanh và Truyền hình'],
  [/Uỷ ban/gu, 'Ủy ban'],
]

function expand(text: string): string {
  return ABBREVIATIONS.reduce((out, [pattern, full]) => out.replace(pattern, full), text)
}

function namesOne(text: string): boolean {
  return Boolean(knownUnit(text) || classOf(text))
}

// After "các", the words that make a group of units ("các cơ quan", "các sở"), as opposed to
// "các nội dung", "các văn bản".
const GROUP_WORDS =
  /^cac (?:co quan|don vi|so|ban|nganh|phong|doan the|to chuc|cong chuc|can bo|dia phuong|cap|huyen|xa|thon|hoi|doan|uy ban|ubnd|truong|benh vien|chi cuc|trung tam|lanh dao|thanh vien|bo|dai|bao|phuong tien)(?: |$)/

/** Whether a piece reads as a unit or class, not as words that merely start like one. */
function isRecognised(piece: string): boolean {
  if (knownUnit(piece) || classOf(piece) || multiLevel(piece)) return true
  const f = foldText(piece)
  if (f.startsWith('cac ')) return GROUP_WORDS.test(f)
  return startsLikeUnit(piece)
}

function classify(piece: string): ParsedAssignee[] {
  const text = piece.replace(/^\(|\)$/g, '').trim()
  if (text === '') return []
  const known = knownUnit(text)
  if (known) return [{ text, name: known.name }]
  const levels = multiLevel(text)
  if (levels) return levels
  const rule = classOf(text)
  if (rule) return [{ text, name: rule.name, unitClass: rule.unitClass }]
  return [{ text, name: expand(text) }]
}

function dedupe(assignees: ParsedAssignee[]): ParsedAssignee[] {
  const seen = new Set<string>()
  return assignees.filter((a) => {
    const key = `${a.unitClass ?? ''}|${compact(a.name)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
