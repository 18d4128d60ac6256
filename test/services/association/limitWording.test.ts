import { strict as assert } from 'node:assert';
import { limitWording } from '../../../services/association/limitWording';
import { blockingReasons } from '../../../services/association/refusalMessage';
import { AssociationLimits, DEFAULT_LIMITS } from '../../../services/association/types';

const calendar: AssociationLimits = { ...DEFAULT_LIMITS, windowKind: 'calendar' };
const halfYear: AssociationLimits = { maxPerWindow: 2, windowDays: 180, windowKind: 'rolling', cooldownDays: 45 };

describe('limitWording: the limits as the texts quote them', () => {
  it('reads the default window (the same date one year later) as "a year", as Partner Center says it, and says the rule', () => {
    assert.deepEqual(limitWording(DEFAULT_LIMITS, 'en'), {
      max: 3,
      cooldown: 30,
      perWindow: 'a year',
      inWindow: 'in the last year',
      windowRule: 'Each association counts for a year: its place frees up on the same date one year later (1 March for 29 February).',
    });
    assert.deepEqual(limitWording(DEFAULT_LIMITS, 'fr'), {
      max: 3,
      cooldown: 30,
      perWindow: 'par an',
      inWindow: 'de la dernière année',
      windowRule: 'Chaque association compte pendant un an : sa place se libère à la même date un an plus tard (le 1er mars pour un 29 février).',
    });
  });

  it('reads a rolling 365 days as days, not as "a year": the two free a place on different days', () => {
    assert.equal(limitWording({ ...DEFAULT_LIMITS, windowKind: 'rolling' }, 'en').perWindow, 'in any 365 days');
    assert.equal(limitWording({ ...DEFAULT_LIMITS, windowKind: 'rolling' }, 'fr').windowRule, 'Chaque association compte pendant 365 jours : sa place se libère 365 jours après son début.');
  });

  it('says calendar year when the window is the calendar year', () => {
    assert.deepEqual(limitWording(calendar, 'en'), {
      max: 3,
      cooldown: 30,
      perWindow: 'per calendar year',
      inWindow: 'this calendar year',
      windowRule: 'Associations count per calendar year: every place frees up on 1 January (UTC).',
    });
    assert.deepEqual(limitWording(calendar, 'fr'), {
      max: 3,
      cooldown: 30,
      perWindow: 'par année civile',
      inWindow: 'de cette année civile',
      windowRule: 'Les associations comptent par année civile : toutes les places se libèrent le 1er janvier (UTC).',
    });
  });

  it('counts the days of any other rolling window, with the configured numbers', () => {
    assert.deepEqual(limitWording(halfYear, 'en'), {
      max: 2,
      cooldown: 45,
      perWindow: 'in any 180 days',
      inWindow: 'in the last 180 days',
      windowRule: 'Each association counts for 180 days: its place frees up 180 days after it started.',
    });
    assert.deepEqual(limitWording(halfYear, 'fr'), {
      max: 2,
      cooldown: 45,
      perWindow: 'sur toute période de 180 jours',
      inWindow: 'des 180 derniers jours',
      windowRule: 'Chaque association compte pendant 180 jours : sa place se libère 180 jours après son début.',
    });
  });

  it('is what the refusal quotes when it says which limit blocked', () => {
    const refusal = { blockedBy: ['cooldown' as const, 'yearlyLimit' as const], nextDate: new Date('2026-07-01T00:00:00Z'), usedInWindow: 2 };
    assert.deepEqual(blockingReasons(refusal, halfYear, 'en'), [
      'What blocks it now: 45 days must pass from the start of your last association.',
      'What blocks it now: you have used 2 of 2 associations allowed in any 180 days.',
    ]);
    assert.deepEqual(blockingReasons({ ...refusal, usedInWindow: 3 }, DEFAULT_LIMITS, 'fr'), [
      'Ce qui bloque : 30 jours doivent s’écouler depuis le début de votre dernière association.',
      'Ce qui bloque : vous avez utilisé 3 des 3 associations autorisées par an.',
    ]);
  });
});

describe('limits of one: "1 association", "1 day", never "1 associations" or "1 days"', () => {
  const one: AssociationLimits = { maxPerWindow: 1, windowDays: 1, windowKind: 'rolling', cooldownDays: 1 };

  it('reads a window of one day in both languages', () => {
    assert.deepEqual(limitWording(one, 'en'), { max: 1, cooldown: 1, perWindow: 'in any 1 day', inWindow: 'in the last day', windowRule: 'Each association counts for 1 day: its place frees up 1 day after it started.' });
    assert.deepEqual(limitWording(one, 'fr'), {
      max: 1,
      cooldown: 1,
      perWindow: 'sur toute période de 1 jour',
      inWindow: 'du dernier jour',
      windowRule: 'Chaque association compte pendant 1 jour : sa place se libère 1 jour après son début.',
    });
  });

  it('says which limit blocked in the singular', () => {
    const refusal = { blockedBy: ['cooldown' as const, 'yearlyLimit' as const], nextDate: new Date('2026-07-01T00:00:00Z'), usedInWindow: 1 };
    assert.deepEqual(blockingReasons(refusal, { ...one, windowKind: 'year' }, 'en'), [
      'What blocks it now: 1 day must pass from the start of your last association.',
      'What blocks it now: you have used 1 of 1 association allowed a year.',
    ]);
    assert.deepEqual(blockingReasons(refusal, { ...one, windowKind: 'year' }, 'fr'), [
      'Ce qui bloque : 1 jour doit s’écouler depuis le début de votre dernière association.',
      'Ce qui bloque : vous avez utilisé 1 sur 1 association autorisée par an.',
    ]);
  });
});
