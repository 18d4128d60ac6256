import type { WireMember } from './wireTypes';

/**
 * The members the connector stand-in knows: the roster in order (pagedmembers) and lookups by id
 * or aadObjectId, the first in roster order winning, without a scan: the bench registers 20,000
 * people and looks one up on every link turn, on the cores the bot runs on.
 */
export class MemberRoster {
  private roster: WireMember[] = [];
  private readonly byKey = new Map<string, WireMember>();

  constructor(members: WireMember[]) {
    this.replace(members);
  }

  replace(members: WireMember[]): void {
    this.roster = [...members];
    this.byKey.clear();
    this.roster.forEach((member) => this.index(member));
  }

  /** Adds a member, or replaces the one with the same id. */
  set(member: WireMember): void {
    // Only a known id can be a replacement: a new person (the bench registers 20,000) is one push.
    if (member.id !== undefined && this.byKey.has(member.id) && this.roster.some((m) => m.id === member.id)) this.replace([...this.roster.filter((m) => m.id !== member.id), member]);
    else {
      this.roster.push(member);
      this.index(member);
    }
  }

  find(userId: string): WireMember | undefined {
    return this.byKey.get(userId);
  }

  /** One page of GET …/pagedmembers, with the token of the next page when there is one. */
  page(start: number, pageSize: number): { members: WireMember[]; continuationToken?: string } {
    const members = this.roster.slice(start, start + pageSize);
    const next = start + pageSize;
    return next < this.roster.length ? { members, continuationToken: String(next) } : { members };
  }

  private index(member: WireMember): void {
    for (const key of [member.id, member.aadObjectId]) if (key !== undefined && !this.byKey.has(key)) this.byKey.set(key, member);
  }
}
