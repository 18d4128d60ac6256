import { strict as assert } from 'node:assert';
import { dateStyleOf } from '../../../services/i18n/dates';
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

describe('dates: one formatter for every card, tab and report', () => {
  it('writes French « 1er » for the first day of a month, and the day alone otherwise', () => {
    assert.equal(formatDate('2028-03-01T00:00:00Z', 'fr'), '1er mars 2028 (UTC)');
    assert.equal(formatDate('2027-02-04T00:00:00Z', 'fr'), '4 février 2027 (UTC)');
    assert.equal(formatDate('2027-02-11T00:00:00Z', 'fr'), '11 février 2027 (UTC)');
  });

  it('writes English as the Teams region does: en-US month first, en-GB and other day-first regions day first', () => {
    assert.equal(formatDate('2027-02-04T10:00:00Z', dateStyleOf('en-US', 'en')), 'February 4, 2027 (UTC)');
    assert.equal(formatDate('2027-02-04T10:00:00Z', dateStyleOf('en-GB', 'en')), '4 February 2027 (UTC)');
    assert.equal(formatDate('2027-02-04T10:00:00Z', dateStyleOf('en-AU', 'en')), '4 February 2027 (UTC)');
    assert.equal(formatDate('2027-02-04T10:00:00Z', dateStyleOf('en_US', 'en')), 'February 4, 2027 (UTC)');
    assert.equal(dateStyleOf('fr-CA', 'fr'), 'fr');
    assert.equal(dateStyleOf(undefined, 'en'), 'en-GB');
    assert.equal(dateStyleOf('de-DE', 'en'), 'en-GB', 'English answers to another language are written day first');
    assert.equal(dateStyleOf('en-!!', 'en'), 'en-GB');
  });
});
