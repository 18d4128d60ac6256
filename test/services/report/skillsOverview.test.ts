import { strict as assert } from 'node:assert';
import { ReportPerson } from '../../../services/report/reportLines';
import { nextMonths, skillsOverview } from '../../../services/report/skillsOverview';

const NOW = new Date('2026-03-15T09:00:00Z');
const OPTIONS = { now: NOW, expiringWithinDays: 90, months: 12, maxPeople: 100 };

/** A linked person with these certifications: [title, expiry day ('' for none)]. */
function person(mcid: string, certs: [string, string][]): ReportPerson {
  return {
    record: { mcid, version: 1, link: { mpnId: '1234567', tenantId: 't', userId: `u${mcid}`, since: '2026-01-02T10:00:00.000Z', proof: 'email' }, starts: [], ended: [] },
    profile: {
      mcid,
      firstName: `First ${mcid}`,
      lastName: `Last ${mcid}`,
      emails: [`${mcid}@contoso.com`],
      certifications: certs.map(([title, expires]) => ({ number: 'X-1', title, type: 'certification' as const, earnedOn: '2025-01-01', ...(expires ? { expiresOn: expires } : {}) })),
    },
  };
}

describe('skillsOverview: the skills report tab, one person per entry, states and expiries by month', () => {
  it('gives one entry per person, states each certification and counts expiries in the next 12 months', async () => {
    const out = await skillsOverview(
      [
        [
          person('1', [
            ['Azure Administrator', '2026-03-14'], // expired yesterday
            ['Azure Developer', '2026-03-15'], // expires today: expiring
            ['Fundamentals', ''], // never expires
          ]),
          person('2', [
            ['Azure Administrator', '2026-06-13'], // day 90: expiring
            ['DevOps', '2026-06-14'], // day 91: valid
            ['Security', '2027-02-28'], // last month counted
          ]),
        ],
        [
          person('3', [['Security', '2027-03-01']]), // the 13th month: not counted
          person('4', []), // linked, no certification
        ],
      ],
      OPTIONS,
    );
    assert.deepEqual(
      out.people.map((p) => [p.mcid, p.certifications.map(([title, , , , state]) => `${out.titles[title]}:${state}`)]),
      [
        ['1', ['Azure Administrator:expired', 'Azure Developer:expiring', 'Fundamentals:valid']],
        ['2', ['Azure Administrator:expiring', 'DevOps:valid', 'Security:valid']],
        ['3', ['Security:valid']],
        ['4', []],
      ],
    );
    assert.deepEqual(out.people[1], {
      mcid: '2',
      firstName: 'First 2',
      lastName: 'Last 2',
      email: '2@contoso.com',
      linkedSince: '2026-01-02',
      certifications: out.people[1].certifications,
    });
    assert.deepEqual(out.titles, ['Azure Administrator', 'Azure Developer', 'Fundamentals', 'DevOps', 'Security']);
    assert.deepEqual(out.people[0].certifications[0], [0, 'certification', '2025-01-01', '2026-03-14', 'expired']);
    assert.deepEqual(out.people[0].certifications[2], [2, 'certification', '2025-01-01', '', 'valid']);
    assert.deepEqual(out.states, { valid: 4, expiring: 2, expired: 1 });
    assert.equal(out.peopleCount, 4);
    assert.equal(out.truncated, false);
    assert.deepEqual(
      out.expiriesByMonth.filter((m) => m.count > 0),
      [
        { month: '2026-03', count: 1 },
        { month: '2026-06', count: 2 },
        { month: '2027-02', count: 1 },
      ],
    );
    assert.deepEqual(
      out.expiriesByMonth.map((m) => m.month),
      ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02'],
    );
  });

  it('shows at most maxPeople people but counts everyone, once each', async () => {
    async function* batches(): AsyncIterable<ReportPerson[]> {
      yield [
        person('1', [
          ['A', '2026-05-01'],
          ['B', '2025-01-01'],
        ]),
        person('2', [['A', '2026-05-01']]),
      ];
      yield [
        person('3', [
          ['B', '2026-07-01'],
          ['C', ''],
        ]),
        // Listed twice by the index while a link moved: counted once.
        person('2', [['A', '2026-05-01']]),
      ];
    }
    const out = await skillsOverview(batches(), { ...OPTIONS, maxPeople: 2 });
    assert.deepEqual(
      out.people.map((p) => [p.mcid, p.certifications.map(([title]) => out.titles[title])]),
      [
        ['1', ['A', 'B']],
        ['2', ['A']],
      ],
    );
    assert.equal(out.truncated, true);
    assert.equal(out.peopleCount, 3);
    assert.deepEqual(out.states, { valid: 2, expiring: 2, expired: 1 });
    assert.deepEqual(
      out.expiriesByMonth.filter((m) => m.count > 0),
      [
        { month: '2026-05', count: 2 },
        { month: '2026-07', count: 1 },
      ],
    );
  });

  it('names the months across a year end, in UTC', () => {
    assert.deepEqual(nextMonths(new Date('2026-11-30T23:30:00Z'), 3), ['2026-11', '2026-12', '2027-01']);
    assert.deepEqual(nextMonths(new Date('2026-12-31T23:59:59Z'), 2), ['2026-12', '2027-01']);
  });

  it("counts a linked Partner University account's assessments beside the certifications, with their type", async () => {
    const alice = { ...person('1', [['Azure Administrator', '2026-05-01']]), assessments: [{ title: 'Pre-Sales Assessment', completedOn: '2026-01-10', expiresOn: '2026-04-10' }] };
    const out = await skillsOverview([[alice]], OPTIONS);
    assert.deepEqual(
      out.people[0].certifications.map(([title, type, earnedOn, expiresOn, state]) => [out.titles[title], type, earnedOn, expiresOn, state]),
      [
        ['Azure Administrator', 'certification', '2025-01-01', '2026-05-01', 'expiring'],
        ['Pre-Sales Assessment', 'Assessment', '2026-01-10', '2026-04-10', 'expiring'],
      ],
    );
    assert.equal(out.states.expiring, 2);
    assert.deepEqual(
      out.expiriesByMonth.slice(0, 3).map((m) => m.count),
      [0, 1, 1],
    );
  });
});
