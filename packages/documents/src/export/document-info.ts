import type { IsoDate, Plan } from '@papi/domain'

/** Who issues an exported document, where, when, and the plan it is about. */
export interface DocumentInfo {
  /** Issuing body as written ("Ủy ban nhân dân tỉnh Kiên Giang"). */
  issuer: string
  /** Place of the date line ("Kiên Giang"); read from the issuer when absent. */
  place?: string
  /** The day the document is drawn up. */
  date: IsoDate
  /** The plan's document number, title, issuer and issue date. */
  plan: Pick<Plan, 'number' | 'title' | 'issuer' | 'issuedOn'>
}

/** The document info of an export about `plan`, issued by the plan's issuer unless told otherwise. */
export function documentInfo(plan: Plan, date: IsoDate, issuer?: string): DocumentInfo {
  return {
    issuer: issuer ?? plan.issuer,
    // The plan's place belongs to its issuer; another issuer's place is read from its own name.
    ...(issuer === undefined && plan.place !== undefined && { place: plan.place }),
    date,
    plan: { number: plan.number, title: plan.title, issuer: plan.issuer, issuedOn: plan.issuedOn },
  }
}
