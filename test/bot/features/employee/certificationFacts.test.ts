import { strict as assert } from 'node:assert';
import { certificationFacts, MAX_CERTIFICATION_FACTS } from '../../../../bot/features/employee/certificationFacts';
import { Certification } from '../../../../services/directory/types';

const now = new Date('2026-01-05T10:00:00Z');
const cert = (over: Partial<Certification>): Certification => ({ number: 'AZ-104', title: 'Microsoft Certified: Azure Administrator Associate', type: 'certification', earnedOn: '2025-04-02', ...over });

describe('certificationFacts (the link confirmation card)', () => {
  it('labels each certification with its number and shows its title', () => {
    assert.deepEqual(certificationFacts([cert({})], 'en', now), [{ label: 'AZ-104', value: 'Microsoft Certified: Azure Administrator Associate' }]);
  });

  it('does not repeat an exam number that Partner Center puts in the title', () => {
    const exam = cert({ number: 'AZ-204', title: 'Exam AZ-204: Developing Solutions for Microsoft Azure', type: 'exam' });
    assert.deepEqual(certificationFacts([exam], 'en', now), [{ label: 'AZ-204', value: 'Developing Solutions for Microsoft Azure' }]);
    // A title that names another number, or nothing after the number, is shown whole.
    const other = cert({ number: 'AZ-204', title: 'Exam AZ-900: Microsoft Azure Fundamentals', type: 'exam' });
    assert.equal(certificationFacts([other], 'en', now)[0].value, 'Exam AZ-900: Microsoft Azure Fundamentals');
    const bare = cert({ number: 'AZ-204', title: 'Exam AZ-204:', type: 'exam' });
    assert.equal(certificationFacts([bare], 'en', now)[0].value, 'Exam AZ-204:');
  });

  it('says when a certification has expired, in the person’s language', () => {
    const expired = cert({ number: 'AZ-400', title: 'Microsoft Certified: DevOps Engineer Expert', expiresOn: '2025-09-04' });
    const current = cert({ expiresOn: '2026-04-02' });
    assert.deepEqual(
      certificationFacts([expired, current], 'en', now).map((f) => f.value),
      ['Microsoft Certified: DevOps Engineer Expert, expired 4 September 2025 (UTC)', 'Microsoft Certified: Azure Administrator Associate'],
    );
    assert.equal(certificationFacts([expired], 'fr', now)[0].value, 'Microsoft Certified: DevOps Engineer Expert, expirée le 4 septembre 2025 (UTC)');
  });

  it('with dates, says when each current one was earned and expires (an exam has no expiry)', () => {
    const current = cert({ earnedOn: '2025-04-02', expiresOn: '2026-04-02' });
    const exam = cert({ number: 'AZ-204', title: 'Exam AZ-204: Developing Solutions for Microsoft Azure', type: 'exam', earnedOn: '2025-09-15', expiresOn: undefined });
    const expired = cert({ number: 'AZ-400', title: 'Microsoft Certified: DevOps Engineer Expert', expiresOn: '2025-09-04' });
    assert.deepEqual(
      certificationFacts([current, exam, expired], 'en', now, { withDates: true }).map((f) => f.value),
      [
        'Microsoft Certified: Azure Administrator Associate. Earned 2 April 2025 (UTC), expires 2 April 2026 (UTC).',
        'Developing Solutions for Microsoft Azure. Earned 15 September 2025 (UTC).',
        'Microsoft Certified: DevOps Engineer Expert, expired 4 September 2025 (UTC)',
      ],
    );
    assert.equal(certificationFacts([current], 'fr', now, { withDates: true })[0].value, 'Microsoft Certified: Azure Administrator Associate. Obtenue le 2 avril 2025 (UTC), expire le 2 avril 2026 (UTC).');
  });

  it(`shows at most ${MAX_CERTIFICATION_FACTS}`, () => {
    const many = Array.from({ length: MAX_CERTIFICATION_FACTS + 3 }, (_, i) => cert({ number: `X-${i}` }));
    assert.deepEqual(
      certificationFacts(many, 'en', now).map((f) => f.label),
      many.slice(0, MAX_CERTIFICATION_FACTS).map((c) => c.number),
    );
    assert.equal(certificationFacts(many, 'en', now, { limit: 10 }).length, 10);
  });
});
