import { DEFAULT_LOCALE, formatDate, localDateOf, type IsoDate, type Locale } from '@papi/domain'

/** One line of the issuing body's name: the parent body is written plain, the issuer in bold. */
export interface HeadingLine {
  text: string
  bold: boolean
}

/**
 * The heading block every administrative document opens with (Decree 30/2020/NĐ-CP, Appendix I):
 * on the left the issuing body in capitals over a short rule, and the document number; on the
 * right the national name and motto over a rule, and the place and date in italics.
 */
export interface NationalHeading {
  issuer: HeadingLine[]
  /** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc". */
  motto: [string, string]
  /** "Số: 97/KH-UBND", or a number left blank for the clerk ("Số:      /BC-UBND"). */
  number?: string
  /** "Kiên Giang, ngày 25 tháng 6 năm 2018". */
  placeDate: string
}

export interface NationalHeadingInput {
  /** Issuing body as written: "Ủy ban nhân dân tỉnh Kiên Giang", "UBND xã Đức Hợp", "Sở Nội vụ tỉnh Kiên Giang". */
  issuer: string
  /** Place name of the date line; read from the issuer when absent ("… tỉnh Kiên Giang" → "Kiên Giang"). */
  place?: string
  /** The day the document is signed: an ISO date, or a date-time read on Viet Nam's clock. */
  date: string
  /** The document number as it is to be printed after "Số:", blanks included. */
  number?: string
  locale?: Locale
}

const MOTTO: Record<Locale, [string, string]> = {
  vi: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
  en: ['SOCIALIST REPUBLIC OF VIET NAM', 'Independence - Freedom - Happiness'],
}

const NUMBER_LABEL: Record<Locale, string> = { vi: 'Số', en: 'No.' }

// People's councils and committees carry no parent line: their name is split after the kind of
// body, as the seed plans print it ("ỦY BAN NHÂN DÂN / TỈNH KIÊN GIANG").
const COUNCIL = /^(ủy ban nhân dân|uỷ ban nhân dân|ubnd|hội đồng nhân dân|hđnd)\s+(.+)$/iu
const COUNCIL_NAME: Record<string, string> = {
  ubnd: 'ỦY BAN NHÂN DÂN',
  'uỷ ban nhân dân': 'ỦY BAN NHÂN DÂN',
  hđnd: 'HỘI ĐỒNG NHÂN DÂN',
}
// A department or office of a province or district: its parent committee on the first line, in
// plain capitals, the body itself in bold under it (Decree 30/2020/NĐ-CP, Appendix I, II.2).
const SUBORDINATE = /^((?:sở|văn phòng|thanh tra|ban|phòng)\s.+?)\s+((?:tỉnh|thành phố|huyện|thị xã|quận)\s.+)$/iu
// The last locality named wins: "Sở Lao động - Thương binh và Xã hội tỉnh Kiên Giang" is in Kiên Giang.
const LOCALITY = /^.*(?:^|\s)(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)\s+(.+)$/iu

/**
 * The heading block of an administrative document, Vietnamese by default.
 *
 * @example
 * nationalHeading({ issuer: 'Ủy ban nhân dân tỉnh Kiên Giang', date: '2018-06-25' })
 * // { issuer: [{ text: 'ỦY BAN NHÂN DÂN', bold: true }, { text: 'TỈNH KIÊN GIANG', bold: true }],
 * //   motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
 * //   placeDate: 'Kiên Giang, ngày 25 tháng 6 năm 2018' }
 */
export function nationalHeading(input: NationalHeadingInput): NationalHeading {
  const locale = input.locale ?? DEFAULT_LOCALE
  const place = input.place?.trim() || placeOf(input.issuer)
  return {
    issuer: issuerLines(input.issuer),
    motto: MOTTO[locale],
    ...(input.number !== undefined && { number: `${NUMBER_LABEL[locale]}: ${input.number}` }),
    placeDate: placeDateLine(place, localDateOf(input.date), locale),
  }
}

/**
 * The issuing body's name as the heading prints it, in capitals.
 *
 * @example
 * issuerLines('UBND xã Đức Hợp') // [{ text: 'ỦY BAN NHÂN DÂN', bold: true }, { text: 'XÃ ĐỨC HỢP', bold: true }]
 * issuerLines('Sở Nội vụ tỉnh Kiên Giang') // [{ text: 'UBND TỈNH KIÊN GIANG', bold: false }, { text: 'SỞ NỘI VỤ', bold: true }]
 */
export function issuerLines(issuer: string): HeadingLine[] {
  const name = issuer.normalize('NFC').replace(/\s+/g, ' ').trim()
  const council = COUNCIL.exec(name)
  if (council) {
    const [, kind = '', rest = ''] = council
    const body = COUNCIL_NAME[kind.toLowerCase()] ?? upper(kind)
    return [
      { text: body, bold: true },
      { text: upper(rest), bold: true },
    ]
  }
  const subordinate = SUBORDINATE.exec(name)
  if (subordinate) {
    const [, body = '', locality = ''] = subordinate
    return [
      { text: `UBND ${upper(locality)}`, bold: false },
      { text: upper(body), bold: true },
    ]
  }
  return [{ text: upper(name), bold: true }]
}

/**
 * The place and date line. Vietnamese writes the date in words with a leading zero for days
 * below 10 and for January and February (Decree 30/2020/NĐ-CP, Appendix I, II.5), so nobody can
 * add a digit afterwards.
 *
 * @example
 * placeDateLine('Kiên Giang', '2018-05-08') // 'Kiên Giang, ngày 08 tháng 5 năm 2018'
 * placeDateLine('Kiên Giang', '2018-02-18') // 'Kiên Giang, ngày 18 tháng 02 năm 2018'
 * placeDateLine('Kiên Giang', '2018-05-08', 'en') // 'Kiên Giang, 08/05/2018'
 */
export function placeDateLine(place: string | undefined, date: IsoDate, locale: Locale = DEFAULT_LOCALE): string {
  if (locale === 'en') return place ? `${place}, ${formatDate(date, 'en')}` : formatDate(date, 'en')
  const [day = '', month = '', year = ''] = formatDate(date, 'vi').split('/')
  const monthNumber = Number(month)
  const monthText = monthNumber < 3 ? month : String(monthNumber)
  const words = `ngày ${day} tháng ${monthText} năm ${year}`
  return place ? `${place}, ${words}` : `Ngày ${day} tháng ${monthText} năm ${year}`
}

/** The locality an issuer is named after: "Ủy ban nhân dân tỉnh Kiên Giang" → "Kiên Giang". */
function placeOf(issuer: string): string | undefined {
  const match = LOCALITY.exec(issuer.normalize('NFC').trim())
  return match?.[1]?.trim() || undefined
}

// Acronyms that stay in capitals inside a sentence.
const ACRONYM = /^(?:UBND|HĐND|MTTQ|MTTQVN|TP\.?|TX\.?)$/u
// Words that open a locality: everything after the last of them is a proper name.
const LOCALITY_WORD = /^(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)$/u

/**
 * The issuing body's name as a sentence writes it: the heading's capitals undone ("ỦY BAN NHÂN
 * DÂN TỈNH KIÊN GIANG" → "Ủy ban nhân dân tỉnh Kiên Giang"); a name already in mixed case is kept.
 *
 * @example
 * issuerInSentence('ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG') // 'Ủy ban nhân dân tỉnh Kiên Giang'
 * issuerInSentence('UBND XÃ ĐỨC HỢP') // 'UBND xã Đức Hợp'
 * issuerInSentence('SỞ NỘI VỤ TỈNH KIÊN GIANG') // 'Sở Nội vụ tỉnh Kiên Giang'
 */
export function issuerInSentence(issuer: string): string {
  const name = issuer.normalize('NFC').replace(/\s+/g, ' ').trim()
  if (name !== upper(name)) return name
  const words = name.split(' ')
  const lower = words.map((w) => w.toLocaleLowerCase('vi'))
  // The proper name starts after the last locality word ("thành phố" counts as one).
  let properFrom = words.length
  for (let i = 0; i < lower.length; i += 1) {
    const two = `${lower[i]} ${lower[i + 1] ?? ''}`
    if (LOCALITY_WORD.test(two)) properFrom = i + 2
    else if (LOCALITY_WORD.test(lower[i] ?? '')) properFrom = i + 1
  }
  // A department keeps its own name capitalised: "Sở Nội vụ", "Phòng Tài chính - Kế hoạch".
  const body = /^(sở|phòng|ban|văn phòng|thanh tra)$/u
  return words
    .map((word, i) => {
      if (ACRONYM.test(word)) return word
      const w = lower[i] ?? word
      if (i === 0 || i >= properFrom) return capitalise(w)
      // "Sở Nội vụ": the first word of a department's field is capitalised.
      if (i === 1 && body.test(lower[0] ?? '')) return capitalise(w)
      if (i === 2 && lower[0] === 'văn' && lower[1] === 'phòng') return capitalise(w)
      return w
    })
    .join(' ')
}

/**
 * The issuer's symbol in a document number (Decree 30/2020/NĐ-CP, Appendix III): "UBND" for a
 * people's committee, "HĐND" for a council, the initials of a department ("Sở Nội vụ" → "SNV").
 *
 * @example
 * issuerSymbol('Ủy ban nhân dân tỉnh Kiên Giang') // 'UBND'
 * issuerSymbol('Sở Nội vụ tỉnh Kiên Giang') // 'SNV'
 */
export function issuerSymbol(issuer: string): string {
  const name = issuer.normalize('NFC').replace(/\s+/g, ' ').trim()
  const council = COUNCIL.exec(name)
  if (council) return /^(hội đồng|hđnd)/iu.test(council[1] ?? '') ? 'HĐND' : 'UBND'
  const body = SUBORDINATE.exec(name)?.[1] ?? name
  return body
    .split(/[\s-]+/u)
    .filter((w) => w !== '' && !/^(và|các)$/iu.test(w))
    .map((w) => upper(w.charAt(0)))
    .join('')
}

/** The signature block's lines above the signer's name (Decree 30/2020/NĐ-CP, Appendix I, II.9). */
export interface SignatureBlock {
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
  lines: string[]
  /** The signer's name under the space for the signature and seal; absent when unknown. */
  name?: string
}

/**
 * The signature block of a document the issuer sends: a people's committee or council signs on
 * behalf of the body (TM.), by its chair or for the chair by a deputy (KT.); a department by its
 * director or a deputy.
 *
 * @example
 * signatureBlock('Ủy ban nhân dân tỉnh Kiên Giang', { deputy: true }).lines // ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']
 * signatureBlock('Sở Nội vụ tỉnh Kiên Giang', { name: 'Lê Văn A' }) // { lines: ['GIÁM ĐỐC'], name: 'Lê Văn A' }
 */
export function signatureBlock(
  issuer: string,
  signer: { name?: string; deputy?: boolean } = {},
  locale: Locale = DEFAULT_LOCALE,
): SignatureBlock {
  const name = issuer.normalize('NFC').replace(/\s+/g, ' ').trim()
  const council = COUNCIL.exec(name)
  const kind = council ? (COUNCIL_NAME[(council[1] ?? '').toLowerCase()] ?? upper(council[1] ?? '')) : undefined
  const head = locale === 'en' ? headTitleEn(name, kind) : headTitle(name, kind)
  const on =
    kind === undefined
      ? []
      : [locale === 'en' ? `ON BEHALF OF THE ${kind === 'HỘI ĐỒNG NHÂN DÂN' ? "PEOPLE'S COUNCIL" : "PEOPLE'S COMMITTEE"}` : `TM. ${kind}`]
  const deputy = locale === 'en' ? [`P.P. ${head}`, `VICE ${head}`] : [`KT. ${head}`, `PHÓ ${head}`]
  const lines = [...on, ...(signer.deputy ? deputy : [head])]
  return { lines, ...(signer.name !== undefined && signer.name.trim() !== '' && { name: signer.name.trim() }) }
}

function headTitle(name: string, councilKind: string | undefined): string {
  if (councilKind !== undefined) return 'CHỦ TỊCH'
  const body = foldedStart(name)
  if (body.startsWith('sở')) return 'GIÁM ĐỐC'
  if (body.startsWith('văn phòng')) return 'CHÁNH VĂN PHÒNG'
  if (body.startsWith('thanh tra')) return 'CHÁNH THANH TRA'
  if (body.startsWith('ban')) return 'TRƯỞNG BAN'
  if (body.startsWith('phòng')) return 'TRƯỞNG PHÒNG'
  return 'THỦ TRƯỞNG CƠ QUAN'
}

function headTitleEn(name: string, councilKind: string | undefined): string {
  if (councilKind !== undefined) return 'CHAIRPERSON'
  const body = foldedStart(name)
  if (body.startsWith('sở')) return 'DIRECTOR'
  return 'HEAD'
}

function foldedStart(name: string): string {
  return name.toLocaleLowerCase('vi')
}

function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase('vi') + word.slice(1)
}

function upper(text: string): string {
  return text.toLocaleUpperCase('vi')
}
