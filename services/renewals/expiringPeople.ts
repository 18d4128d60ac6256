/**
 * Who renews when, read from the org's verified people (ReportService.people, the same reads as
 * the download): the names behind the report card's "expiring in the next 90 days", and the two
 * lists of the monthly digest. Nothing is stored: each list is read when it is shown.
 */
import { DAY_MS } from '../clock';
import { ReportPerson } from '../report/reportLines';
import { isRenewable, RenewableCertification } from './renewalRules';

/** One person's certification in an admin's list. */
export interface NamedExpiry {
  name: string;
  title: string;
  expiresOn: string;
}

/** A renewal extends the expiry by a year: a certification valid for more than ~13 months since it was earned was renewed. */
const RENEWED_SPAN_MS = 400 * DAY_MS;

const dayOf = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

function named(p: ReportPerson, c: RenewableCertification, expiresOn = c.expiresOn.slice(0, 10)): NamedExpiry {
  const name = `${p.profile?.firstName ?? ''} ${p.profile?.lastName ?? ''}`.trim() || p.record.mcid;
  return { name, title: c.title, expiresOn };
}

const byDateThenName = (a: NamedExpiry, b: NamedExpiry) => a.expiresOn.localeCompare(b.expiresOn) || a.name.localeCompare(b.name) || a.title.localeCompare(b.title);

/** Certifications expiring in [from, to). */
export async function expiringBetween(people: AsyncIterable<ReportPerson[]>, from: Date, to: Date): Promise<NamedExpiry[]> {
  return (await digestLists(people, from, to)).expiring;
}

export interface DigestLists {
  /** Expiring in [from, to), soonest first. */
  expiring: NamedExpiry[];
  /** Renewed already: their expiry before the last renewal (a year earlier) fell in [from, to); shown with that day. */
  renewed: NamedExpiry[];
}

export async function digestLists(people: AsyncIterable<ReportPerson[]>, from: Date, to: Date): Promise<DigestLists> {
  const lists: DigestLists = { expiring: [], renewed: [] };
  const inRange = (t: number) => t >= from.getTime() && t < to.getTime();
  for await (const batch of people) {
    for (const p of batch) {
      for (const c of (p.profile?.certifications ?? []).filter(isRenewable)) {
        const expiry = dayOf(c.expiresOn);
        if (inRange(expiry)) lists.expiring.push(named(p, c));
        const before = c.expiresOn.slice(0, 10).replace(/^\d{4}/, (y) => String(Number(y) - 1));
        if (inRange(dayOf(before)) && expiry - dayOf(c.earnedOn) > RENEWED_SPAN_MS) lists.renewed.push(named(p, c, before));
      }
    }
  }
  lists.expiring.sort(byDateThenName);
  lists.renewed.sort(byDateThenName);
  return lists;
}
