import { strict as assert } from 'node:assert';
import { Certification } from '../../../services/directory/types';
import { daysLeft, dueRenewals, isRenewable, RenewableCertification, remindersFor, renewalUrl, stageStillDue } from '../../../services/renewals/renewalRules';

const s = { windowDays: 180, lastCallDays: 30 };
const cert: RenewableCertification = { number: 'DP-600', title: 'Microsoft Certified: Fabric Analytics Engineer Associate', type: 'certification', earnedOn: '2025-10-02', expiresOn: '2026-10-02' };
const at = (iso: string) => new Date(iso);
const plan = (now: string) => remindersFor(cert, at(now), s).map((r) => [r.target.stage, r.dueAt.toISOString()]);

describe('renewal rules', () => {
  it('only certifications with an expiry date renew (not exams, not fundamentals)', () => {
    const exam: Certification = { number: 'AZ-204', title: 'Exam AZ-204', type: 'exam', earnedOn: '2026-01-01' };
    const fundamentals: Certification = { number: 'AZ-900', title: 'Microsoft Certified: Azure Fundamentals', type: 'certification', earnedOn: '2026-01-01' };
    assert.deepEqual([cert, exam, fundamentals].map(isRenewable), [true, false, false]);
  });

  it('queues the window and the last call on their days, before the window opens', () => {
    assert.deepEqual(plan('2026-01-05T09:00:00Z'), [
      ['window', '2026-04-05T00:00:00.000Z'],
      ['lastCall', '2026-09-02T00:00:00.000Z'],
    ]);
  });

  it('inside the window: the first reminder the next day; past the last call: the last call only; expired: nothing', () => {
    assert.deepEqual(plan('2026-05-10T15:00:00Z'), [
      ['window', '2026-05-11T00:00:00.000Z'],
      ['lastCall', '2026-09-02T00:00:00.000Z'],
    ]);
    assert.deepEqual(plan('2026-09-20T15:00:00Z'), [['lastCall', '2026-09-21T00:00:00.000Z']]);
    assert.deepEqual(plan('2026-10-03T00:00:00Z'), []);
  });

  it('a first reminder overtaken by the last call, or a reminder past expiry, is no longer due', () => {
    const window = { title: cert.title, expiresOn: cert.expiresOn, stage: 'window' as const };
    assert.equal(stageStillDue(window, at('2026-09-01T10:00:00Z'), s), true);
    assert.equal(stageStillDue(window, at('2026-09-02T10:00:00Z'), s), false);
    assert.equal(stageStillDue({ ...window, stage: 'lastCall' }, at('2026-10-02T10:00:00Z'), s), true);
    assert.equal(stageStillDue({ ...window, stage: 'lastCall' }, at('2026-10-03T00:00:00Z'), s), false);
    assert.equal(daysLeft('2026-10-02', at('2026-04-05T23:59:00Z')), 180);
  });

  it('"my renewals" lists what is inside its window, soonest first, with the number beside the title', () => {
    const later: Certification = { ...cert, number: 'AZ-104', title: 'Microsoft Certified: Azure Administrator Associate', expiresOn: '2026-12-01' };
    const imported: Certification = { ...cert, number: 'Microsoft Certified: Azure Developer Associate', title: 'Microsoft Certified: Azure Developer Associate', expiresOn: '2026-07-01' };
    const profile = { mcid: '1', firstName: 'A', lastName: 'B', emails: [], certifications: [later, cert, imported] };
    assert.deepEqual(
      dueRenewals(profile, at('2026-06-10T12:00:00Z'), s).map((r) => [r.name, r.daysLeft]),
      [
        ['Microsoft Certified: Azure Developer Associate', 21],
        ['Microsoft Certified: Fabric Analytics Engineer Associate (DP-600)', 114],
        ['Microsoft Certified: Azure Administrator Associate (AZ-104)', 174],
      ],
    );
    assert.deepEqual(dueRenewals(profile, at('2026-01-01T00:00:00Z'), s), []);
  });

  it('renews on Microsoft Learn, in the person’s language', () => {
    assert.match(renewalUrl('fr'), /^https:\/\/learn\.microsoft\.com\/fr-fr\//);
    assert.match(renewalUrl('en'), /^https:\/\/learn\.microsoft\.com\/en-us\//);
  });
});
