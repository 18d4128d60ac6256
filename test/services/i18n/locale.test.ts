import { strict as assert } from 'node:assert';
import { formatDate, pickLocale } from '../../../services/i18n/locale';

describe('locale: dates as people read them', () => {
  it('formats the UTC day in each language, whatever the time of day', () => {
    assert.equal(formatDate('2026-02-04T00:00:00Z', 'en'), '4 February 2026 (UTC)');
    assert.equal(formatDate(new Date('2026-02-04T23:59:59.999Z'), 'en'), '4 February 2026 (UTC)');
    assert.equal(formatDate('2026-02-04T12:00:00Z', 'fr'), '4 février 2026 (UTC)');
    assert.equal(formatDate('2026-02-05T00:00:00Z', 'en'), '5 February 2026 (UTC)');
    // The same day asked again (from the remembered texts) and in the other language.
    assert.equal(formatDate('2026-02-04T08:30:00Z', 'en'), '4 February 2026 (UTC)');
    assert.equal(formatDate('2026-02-04T08:30:00Z', 'fr'), '4 février 2026 (UTC)');
  });

  it('days before 1970 land on the right day too', () => {
    assert.equal(formatDate('1969-12-31T23:00:00Z', 'en'), '31 December 1969 (UTC)');
  });

  it('an invalid date is an error every time, never a remembered text', () => {
    assert.throws(() => formatDate('not a date', 'en'), RangeError);
    assert.throws(() => formatDate('not a date', 'en'), RangeError);
  });

  it('fr-* gets French, anything else English', () => {
    assert.equal(pickLocale('fr-CA'), 'fr');
    assert.equal(pickLocale('en-US'), 'en');
    assert.equal(pickLocale(undefined), 'en');
  });
});
