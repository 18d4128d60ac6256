import { strict as assert } from 'node:assert';
import { REPORT_COLUMNS, ReportRow } from '../../../services/report/reportColumns';
import { nextMonths, skillsOverview } from '../../../services/report/skillsOverview';

const NOW = new Date('2026-03-15T09:00:00Z');
const OPTIONS = { now: NOW, expiringWithinDays: 90, months: 12, maxPeople: 100 };

function row(mcid: string, title: string, expires: string, extra: Partial<ReportRow> = {}): ReportRow {
  const empty = Object.fromEntries(REPORT_COLUMNS.map((c) => [c, ''])) as ReportRow;
  return {
    ...empty,
    MCPID: mcid,
    IndividualFirstName: `First ${mcid}`,
    IndividualLastName: `Last ${mcid}`,
    Email: `${mcid}@contoso.com`,
    TrainingTitle: title,
    TrainingType: title ? 'certification' : '',
    TrainingCompletionDate: title ? '2025-01-01' : '',
    ExpirationDate: expires,
    AssociationStartDate: '2026-01-02',
    ...extra,
  };
}

describe('skillsOverview: the skills report tab, one person per entry, states and expiries by month', () => {
  it('groups rows by person, states each certification and counts expiries in the next 12 months', async () => {
    const out = await skillsOverview(
      [
        row('1', 'Azure Administrator', '2026-03-14'), // expired yesterday
        row('1', 'Azure Developer', '2026-03-15'), // expires today: expiring
        row('1', 'Fundamentals', ''), // never expires
        row('2', 'Azure Administrator', '2026-06-13'), // day 90: expiring
        row('2', 'DevOps', '2026-06-14'), // day 91: valid
        row('2', 'Security', '2027-02-28'), // last month counted
        row('3', 'Security', '2027-03-01'), // the 13th month: not counted
        row('4', '', ''), // linked, no certification
      ],
      OPTIONS,
    );
    assert.deepEqual(
      out.people.map((p) => [p.mcid, p.certifications.map((c) => `${c.title}:${c.state}`)]),
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

  it('shows at most maxPeople people but counts everyone, rows of a person apart or not', async () => {
    async function* rows(): AsyncIterable<ReportRow> {
      yield row('1', 'A', '2026-05-01');
      yield row('2', 'A', '2026-05-01');
      yield row('3', 'B', '2026-07-01');
      yield row('1', 'B', '2025-01-01');
      yield row('3', 'C', '');
    }
    const out = await skillsOverview(rows(), { ...OPTIONS, maxPeople: 2 });
    assert.deepEqual(
      out.people.map((p) => [p.mcid, p.certifications.map((c) => c.title)]),
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
});
