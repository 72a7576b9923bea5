// Internal: the page of an administrative document (Decree 30/2020/NĐ-CP, Appendix I, I.5–I.6):
// A4; margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; Times New Roman, body
// text 13–14 pt. We take the smallest margins so wide tables get the most room.

export const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const

export const A4_MM = { width: 210, height: 297 } as const

export const FONT = 'Times New Roman'

export const SIZE_PT = {
  /** Body text, the date line, the document number. */
  body: 13,
  /** The title ("BÁO CÁO"). */
  title: 14,
  /** The national name in capitals and the issuing body. */
  headingCaps: 12.5,
  /**
   * Table cells. The decree sizes body text; tables of plans and reports are set a point smaller
   * in practice (the seed plans' appendices) so that wide tables fit across an A4 page.
   */
  table: 12,
} as const

export const MM_PER_INCH = 25.4
