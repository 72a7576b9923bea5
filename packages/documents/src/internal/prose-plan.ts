// Internal: sections and tasks of a plan that has no task table — its tasks are numbered
// paragraphs, the lead and coordinators named inside sentences or in the heading above them.
//
// How the seed plans are read (fixtures/seeds):
// - Lào Cai 165/KH-UBND: part II has one item per PAR INDEX area; each has "Nội dung và mục
//   tiêu" (its bullets are the tasks) and "Phân công trách nhiệm" (who leads and coordinates
//   them; area 7 splits the lead by topic, area 8 names one lead per sentence). Part III has a
//   section per unit ("1. Trách nhiệm của Sở Nội vụ: 1.1 …").
// - Đức Hợp 2023: part II items hold lettered tasks (a) with bullets, one per PAPI dimension);
//   part III has a section per unit or staff post.
// - Thừa Thiên Huế 2024 (a news article): bullets "Với nội dung “…”: <task>", one per dimension.

import { foldText, parseAssignees, type ParsedAssignee } from '@papi/domain'
import type { SourceLine, SourceRef } from './document-content'
import { capitalise, isAllCaps } from './document-content'
import { type Block, type BlockNode, blockOf, blockTree } from './prose-blocks'
import { coordinatorsIn, leadOfHeading, leadOfIntro, subjectOf, timePhraseOf } from './prose-roles'
import type { RawSection, RawTask } from './raw-plan'

/** Whether a part's heading says it holds tasks ("NHIỆM VỤ, GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN"). */
function isTaskPart(heading: string): boolean {
  const f = foldText(heading)
  if (/(?:muc dich|muc tieu|yeu cau|ket qua|danh gia|thuc trang|can cu)/.test(f) && !/nhiem vu|giai phap/.test(f)) {
    return false
  }
  return /(?:nhiem vu|giai phap|noi dung|to chuc thuc hien)/.test(f)
}

/** Where the plan's body ends: recipients, signature, or the closing formula "./.". */
function endsBody(block: Block): boolean {
  const f = foldText(block.text)
  return (
    /^(?:noi nhan|noti nhan|n\w{0,3} nhan$)/.test(f) ||
    /^(?:tm|kt|tl|q) (?:uy ban|chu tich|ubnd)/.test(f) ||
    /^tren day la/.test(f) ||
    /\.\/\.\s*$/.test(block.text)
  )
}

/** Lines wholly in brackets are remarks ("(Chi tiết phân công nhiệm vụ theo Phụ lục …)."). */
function isRemark(block: Block): boolean {
  return block.kind === 'para' && /^\(.*\)\.?$/.test(block.text)
}

const DIMENSION_BULLET = /^(?:với|đối với)\s+(?:chỉ\s+số\s+)?(?:nội\s+dung|lĩnh\s+vực)?\s*[“"](.+?)[”"]\s*:\s*(.*)$/iu

/**
 * Sections and tasks of a plan written as prose; empty when it has none.
 */
export function readProsePlan(lines: readonly SourceLine[]): RawSection[] {
  const blocks: Block[] = []
  let inBody = false
  for (const line of lines) {
    const block = blockOf(line)
    if (!block || isRemark(block)) continue
    if (block.kind === 'part') inBody = true
    if (inBody && endsBody(block)) break
    blocks.push(block)
  }
  const roots = blockTree(blocks)
  const parts = roots.filter((n) => n.block.kind === 'part' && isTaskPart(n.block.text))
  if (parts.length === 0) return dimensionSections(roots, '')

  const sections: RawSection[] = []
  parts.forEach((part, i) => {
    sections.push(...partSections(part, i === 0 ? '' : `${part.block.label}.`))
  })
  return sections.filter((s) => s.tasks.length > 0)
}

/** "- Với nội dung “Quản trị môi trường”: …" bullets, a section each. */
function dimensionSections(nodes: readonly BlockNode[], prefix: string): RawSection[] {
  const out: RawSection[] = []
  for (const node of nodes) {
    if (node.block.kind !== 'bullet') continue
    const m = DIMENSION_BULLET.exec(node.block.text)
    if (!m) continue
    const code = `${prefix}${out.length + 1}`
    const body = [m[2] ?? '', ...node.children.map((c) => c.block.text)].join(' ').trim()
    const task: ProseTask = {
      title: capitalise(body),
      paragraphs: [body],
      contexts: [],
      code: `${code}.1`,
      source: node.block.source,
    }
    out.push({
      code,
      title: capitalise((m[1] ?? '').trim()),
      tasks: task.title ? [resolveTask(task)] : [],
      source: node.block.source,
    })
  }
  return out
}

function partSections(part: BlockNode, prefix: string): RawSection[] {
  const items = part.children.filter((c) => c.block.kind === 'item')
  if (items.length === 0) {
    const dimensions = dimensionSections(part.children, prefix)
    if (dimensions.length > 0) return dimensions
    return [sectionOf(part, part.block.label, partTitle(part.block.text))]
  }
  if (items.every((item) => item.children.length === 0)) {
    // Items that are one sentence each ("3. Sở Tài chính chủ trì … bố trí kinh phí …") are the
    // tasks of one section: the part.
    const section: RawSection = {
      code: part.block.label,
      title: partTitle(part.block.text),
      tasks: [],
      source: part.block.source,
    }
    section.tasks = items.map((item) =>
      resolveTask({
        title: cleanTitle(item.block.text),
        paragraphs: [item.block.text],
        contexts: [],
        code: `${section.code}.${item.block.label}`,
        source: item.block.source,
      }),
    )
    return [section]
  }
  return items.map((item) => sectionOf(item, `${prefix}${item.block.label}`, sectionTitle(item.block.text)))
}

function partTitle(text: string): string {
  const clean = text.replace(/[:.\s]+$/, '')
  return isAllCaps(clean) ? capitalise(clean.toLocaleLowerCase('vi')) : clean
}

function sectionTitle(heading: string): string {
  const quoted = /[“"]([^”"]+)[”"]/.exec(heading)?.[1]
  return capitalise((quoted ?? heading.replace(/[:.\s]+$/, '')).trim())
}

function cleanTitle(text: string): string {
  return capitalise(text.trim().replace(/[;,\s]+$/, ''))
}

interface Context {
  kind: 'heading' | 'intro'
  text: string
}

interface ProseTask {
  title: string
  /** The task's own paragraphs (its first sentence may name who leads it). */
  paragraphs: string[]
  /** Headings and introductions around it, innermost first. */
  contexts: Context[]
  code: string
  source: SourceRef
  roles?: Roles
}

/** Who the "Phân công trách nhiệm" block of an area puts in charge (Lào Cai 165/KH-UBND). */
interface Roles {
  lead: ParsedAssignee[]
  coordinators: ParsedAssignee[]
  /** Leads by topic: "Sở Thông tin và Truyền thông chủ trì các nội dung: Ứng dụng CNTT; …". */
  rules: Array<{ lead: ParsedAssignee[]; coordinators: ParsedAssignee[]; topics: string[] }>
}

const CONTENT_HEADING = /^(?:noi dung|muc tieu|nhiem vu)/
const ROLES_HEADING = /^(?:phan cong|trach nhiem|to chuc thuc hien)/

function sectionOf(node: BlockNode, code: string, title: string): RawSection {
  const heading: Context = { kind: 'heading', text: node.block.text }
  const section: RawSection = { code, title, tasks: [], source: node.block.source }
  const subitems = node.children.filter((c) => c.block.kind === 'subitem')
  const content = subitems.find((s) => CONTENT_HEADING.test(foldText(s.block.text)))
  const rolesNode = subitems.find((s) => ROLES_HEADING.test(foldText(s.block.text)))
  let tasks: ProseTask[]
  if (content && rolesNode) {
    const roles = readRoles(rolesNode)
    tasks = collectTasks(content.children, [heading], code).map((t) => ({ ...t, roles }))
  } else if (subitems.length > 0) {
    const intro = introOf(node)
    tasks = subitems.map((sub) => ({
      title: cleanTitle(
        joinBody(
          sub.block.text,
          sub.children.map((c) => c.block.text),
        ),
      ),
      paragraphs: [sub.block.text, ...sub.children.map((c) => c.block.text)],
      contexts: [...intro, heading],
      code: `${code}.${sub.block.number ?? ''}`,
      source: sub.block.source,
    }))
  } else {
    tasks = collectTasks(node.children, [heading], code)
    if (tasks.length === 0) {
      tasks = [
        { title: cleanTitle(node.block.text), paragraphs: [node.block.text], contexts: [], code: `${code}.1`, source: node.block.source },
      ]
    }
  }
  section.tasks = tasks.map(resolveTask)
  return section
}

/** Paragraphs right under a heading, before its numbered children: its introduction. */
function introOf(node: BlockNode): Context[] {
  const out: Context[] = []
  for (const child of node.children) {
    if (child.block.kind !== 'para') break
    out.unshift({ kind: 'intro', text: child.block.text })
  }
  return out
}

/**
 * Tasks among a heading's children: letters (or, when a letter holds bullets, its bullets),
 * bullets with their "+" details, or — when there is nothing numbered — each paragraph.
 * Paragraphs before the first task introduce them; paragraphs after a task continue it.
 */
function collectTasks(children: readonly BlockNode[], outer: Context[], code: string): ProseTask[] {
  const structured = children.some((c) => c.block.kind !== 'para')
  const intro: Context[] = []
  const tasks: ProseTask[] = []
  const next = (source: SourceRef, title: string, paragraphs: string[], contexts: Context[]) => {
    tasks.push({ title: cleanTitle(title), paragraphs, contexts, code: `${code}.${tasks.length + 1}`, source })
  }
  for (const child of children) {
    const { block } = child
    if (block.kind === 'para') {
      const last = tasks.at(-1)
      if (!structured) next(block.source, block.text, [block.text], [...intro, ...outer])
      else if (last) {
        last.title = cleanTitle(joinBody(last.title, [block.text]))
        last.paragraphs.push(block.text)
      } else intro.unshift({ kind: 'intro', text: block.text })
      continue
    }
    if (block.kind === 'letter' && child.children.some((c) => c.block.kind === 'bullet')) {
      const letterIntro: Context[] = [{ kind: 'intro', text: block.text }]
      for (const para of child.children) {
        if (para.block.kind === 'para') letterIntro.unshift({ kind: 'intro', text: para.block.text })
        else break
      }
      for (const bullet of child.children.filter((c) => c.block.kind === 'bullet')) {
        const details = bullet.children.map((c) => c.block.text)
        next(
          bullet.block.source,
          joinBody(bullet.block.text, details),
          [bullet.block.text, ...details],
          [...letterIntro, ...intro, ...outer],
        )
      }
      continue
    }
    if (block.kind === 'letter' || block.kind === 'bullet' || block.kind === 'subbullet') {
      const details = child.children.map((c) => c.block.text)
      next(block.source, joinBody(block.text, details), [block.text, ...details], [...intro, ...outer])
    }
  }
  return tasks
}

/** A heading and its details as one title: "Về ứng dụng CNTT của tỉnh: A; B; C". */
function joinBody(head: string, details: readonly string[]): string {
  const parts = details.map((d) => d.trim().replace(/[;,.\s]+$/, '')).filter(Boolean)
  if (parts.length === 0) return head
  const h = head.trim()
  if (/:$/.test(h)) return `${h} ${parts.join('; ')}`
  return `${/[.;!?]$/.test(h) ? h : `${h}.`} ${parts.join('. ')}`
}

function readRoles(node: BlockNode): Roles {
  const roles: Roles = { lead: [], coordinators: [], rules: [] }
  const ruleOf = (sentence: string) => {
    const lead = subjectOf(sentence)
    if (!lead) return
    const afterColon = /nội dung\s*:\s*(.+)$/iu.exec(sentence)?.[1]
    const topics = afterColon ? afterColon.split(/\s*;\s*/) : [sentence]
    roles.rules.push({ lead, coordinators: coordinatorsIn(sentence), topics })
  }
  for (const child of node.children) {
    const text = child.block.text
    const leadLine = /^(?:cơ quan|đơn vị)\s+chủ\s+trì\s*:\s*(.*)$/iu.exec(text)
    const coordinatorLine = /^(?:cơ quan|đơn vị)\s+phối\s+hợp\s*:\s*(.*)$/iu.exec(text)
    if (leadLine) {
      if ((leadLine[1] ?? '').trim() !== '') roles.lead = parseAssignees(leadLine[1] ?? '')
      for (const sub of child.children) ruleOf(sub.block.text)
    } else if (coordinatorLine) {
      roles.coordinators = parseAssignees(coordinatorLine[1] ?? '')
    } else {
      ruleOf(text)
      for (const sub of child.children) ruleOf(sub.block.text)
    }
  }
  return roles
}

// Abbreviations written out before topics are compared with tasks, so "phát triển KT-XH"
// meets "phát triển kinh tế - xã hội".
const EXPANSIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bCNTT\b/g, 'công nghệ thông tin'],
  [/\bKT-XH\b/g, 'kinh tế - xã hội'],
  [/\bTTHC\b/g, 'thủ tục hành chính'],
  [/\bCCHC\b/g, 'cải cách hành chính'],
  [/\bBCCI\b/g, 'bưu chính công ích'],
  [/\bQPPL\b/g, 'quy phạm pháp luật'],
]

function bigrams(text: string): Set<string> {
  const words = foldText(EXPANSIONS.reduce((t, [re, full]) => t.replace(re, full), text)).split(' ')
  const out = new Set<string>()
  for (let i = 0; i + 1 < words.length; i += 1) out.add(`${words[i]} ${words[i + 1]}`)
  return out
}

/** How much of a topic the task's text covers (word pairs), 0–1. */
function coverage(topic: string, task: Set<string>): number {
  const pairs = bigrams(topic)
  if (pairs.size === 0) return 0
  let hit = 0
  for (const pair of pairs) if (task.has(pair)) hit += 1
  return hit / pairs.size
}

function sameAssignee(a: ParsedAssignee, b: ParsedAssignee): boolean {
  return (a.unitClass ?? '') === (b.unitClass ?? '') && foldText(a.name) === foldText(b.name)
}

function union(...lists: ParsedAssignee[][]): ParsedAssignee[] {
  const out: ParsedAssignee[] = []
  for (const a of lists.flat()) if (!out.some((b) => sameAssignee(a, b))) out.push(a)
  return out
}

function contextLead(contexts: readonly Context[]): { lead: ParsedAssignee[]; coordinators: ParsedAssignee[] } | undefined {
  for (const context of contexts) {
    const lead = context.kind === 'heading' ? leadOfHeading(context.text) : leadOfIntro(context.text)
    if (lead) return { lead, coordinators: coordinatorsIn(context.text) }
  }
  return undefined
}

function resolveTask(task: ProseTask): RawTask {
  const text = task.paragraphs.join('\n')
  const own = task.paragraphs.map((p) => subjectOf(p)).find((found) => found !== undefined)
  const mentioned = coordinatorsIn(text)
  let lead: ParsedAssignee[] = []
  let coordinators: ParsedAssignee[] = mentioned
  if (own) {
    lead = own
  } else if (task.roles) {
    const { roles } = task
    const pairs = bigrams(text)
    const scored = roles.rules
      .map((rule) => ({ rule, score: Math.max(0, ...rule.topics.map((t) => coverage(t, pairs))) }))
      .sort((a, b) => b.score - a.score)
    const best = scored[0]
    if (best && best.score >= 0.2) {
      lead = best.rule.lead
      coordinators = union(mentioned, best.rule.coordinators, roles.coordinators)
    } else {
      lead = roles.lead.length > 0 ? roles.lead : union(...roles.rules.map((r) => r.lead))
      coordinators = union(mentioned, roles.coordinators)
    }
  } else {
    const inherited = contextLead(task.contexts)
    if (inherited) {
      lead = inherited.lead
      coordinators = union(mentioned, inherited.coordinators)
    }
  }
  return {
    code: task.code,
    title: task.title,
    lead,
    coordinators: coordinators.filter((c) => !lead.some((l) => sameAssignee(c, l))),
    time: timePhraseOf(text),
    source: task.source,
  }
}
