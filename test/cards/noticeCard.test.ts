import { strict as assert } from 'node:assert';
import { noticeCard } from '../../cards/noticeCard';
import { DEFAULT_LIMITS } from '../../services/association/types';

function facts(card: ReturnType<typeof noticeCard>): Record<string, string> {
  const body = card.content.body as { type: string; facts?: { title: string; value: string }[] }[];
  return Object.fromEntries((body.find((b) => b.type === 'FactSet')?.facts ?? []).map((f) => [f.title, f.value]));
}

describe('the "you can link again" notice card', () => {
  it('counts the associations left against the configured window, in both languages', () => {
    const since = new Date('2026-01-05T09:00:00Z');
    assert.deepEqual(facts(noticeCard({ locale: 'en', associationsLeft: 2, limits: DEFAULT_LIMITS, link: { orgName: 'Contoso', since } })), {
      'Associations left': '2 of 3 a year',
      'Current link': 'Contoso, since 5 January 2026 (UTC)',
    });
    assert.deepEqual(facts(noticeCard({ locale: 'fr', associationsLeft: 1, limits: DEFAULT_LIMITS, link: null })), {
      'Associations restantes': '1 sur 3 par an',
      'Lien actuel': 'Aucun',
    });
    const calendar = { ...DEFAULT_LIMITS, windowKind: 'calendar' as const, maxPerWindow: 4 };
    assert.equal(facts(noticeCard({ locale: 'en', associationsLeft: 3, limits: calendar, link: null }))['Associations left'], '3 of 4 per calendar year');
    const days = { ...DEFAULT_LIMITS, windowKind: 'rolling' as const, windowDays: 180 };
    assert.equal(facts(noticeCard({ locale: 'fr', associationsLeft: 0, limits: days, link: null }))['Associations restantes'], '0 sur 3 sur toute période de 180 jours');
  });
});
