import { describe, expect, it } from 'vitest';
import { validateNewTournament, type NewTournamentInput } from './settings.js';

const NOW = new Date('2026-03-01T12:00:00Z'); // a Sunday
const valid: NewTournamentInput = {
  name: '  Spring Cup ',
  format: 'SINGLE_ELIMINATION',
  startsAt: new Date('2026-03-08T18:00:00Z'),
  minParticipants: 4,
  maxParticipants: 16,
};

describe('validateNewTournament', () => {
  it('fills in the defaults', () => {
    expect(validateNewTournament(valid, NOW)).toEqual({
      name: 'Spring Cup',
      description: '',
      format: 'SINGLE_ELIMINATION',
      bestOf: 1,
      thirdPlaceMatch: false,
      grandFinalReset: false,
      swissRounds: null,
      ladderRange: null,
      startsAt: valid.startsAt,
      endsAt: null,
      minParticipants: 4,
      maxParticipants: 16,
      entryFee: 0,
      prizeFixed: 0,
      prizeFeeShare: 0,
      prizeSplit: [100],
      minimumLevel: 1,
      rules: '',
      requestKey: null,
    });
  });

  it('keeps every option given', () => {
    const settings = validateNewTournament(
      {
        ...valid,
        format: 'DOUBLE_ELIMINATION',
        formatOptions: { bestOf: 3, grandFinalReset: true, thirdPlaceMatch: false },
        endsAt: new Date('2026-03-08T23:00:00Z'),
        entryFee: 50,
        prizePool: { fixed: 1000, feeSharePercent: 80, distribution: [50, 30, 20] },
        minimumLevel: 10,
        rules: 'Be nice.\nNo smurfs.',
        requestKey: 'create-spring-cup-1',
      },
      NOW,
    );
    expect(settings).toMatchObject({ bestOf: 3, grandFinalReset: true, entryFee: 50, prizeFixed: 1000, prizeFeeShare: 80, prizeSplit: [50, 30, 20], minimumLevel: 10, rules: 'Be nice.\nNo smurfs.' });
  });

  it.each([
    ['LADDER', {}, { ladderRange: 3 }],
    ['LADDER', { ladderChallengeRange: 10 }, { ladderRange: 10 }],
    ['SWISS', {}, { swissRounds: null }], // automatic
    ['SWISS', { swissRounds: 5 }, { swissRounds: 5 }],
  ] as const)('%s with %j → %j', (format, formatOptions, expected) => {
    expect(validateNewTournament({ ...valid, format, formatOptions }, NOW)).toMatchObject(expected);
  });

  it.each<[string, Partial<NewTournamentInput>, string]>([
    ['a name too short', { name: ' ab ' }, 'name'],
    ['a name of 101 characters', { name: 'x'.repeat(101) }, 'name'],
    ['a two-line name', { name: 'Spring\nCup' }, 'name'],
    ['a description of 2,001 characters', { description: 'x'.repeat(2001) }, 'description'],
    ['a start now', { startsAt: NOW }, 'startsAt'],
    ['a start in the past', { startsAt: new Date('2026-02-28T12:00:00Z') }, 'startsAt'],
    ['a start more than a year ahead', { startsAt: new Date('2027-03-03T12:00:00Z') }, 'startsAt'],
    ['an end before the start', { endsAt: new Date('2026-03-08T17:00:00Z') }, 'endsAt'],
    ['an end at the start', { endsAt: new Date('2026-03-08T18:00:00Z') }, 'endsAt'],
    ['a minimum of 1', { minParticipants: 1 }, 'minParticipants'],
    ['a maximum below the minimum', { maxParticipants: 3 }, 'maxParticipants'],
    ['a maximum of 1,025', { maxParticipants: 1025 }, 'maxParticipants'],
    ['a fractional maximum', { maxParticipants: 8.5 }, 'maxParticipants'],
    ['a negative fee', { entryFee: -1 }, 'entryFee'],
    ['a fee over 1,000,000', { entryFee: 1_000_001 }, 'entryFee'],
    ['best of 2', { formatOptions: { bestOf: 2 } }, 'formatOptions.bestOf'],
    ['a grand-final reset in single elimination', { formatOptions: { grandFinalReset: true } }, 'formatOptions.grandFinalReset'],
    ['Swiss rounds in single elimination', { formatOptions: { swissRounds: 3 } }, 'formatOptions.swissRounds'],
    ['a ladder range in single elimination', { formatOptions: { ladderChallengeRange: 2 } }, 'formatOptions.ladderChallengeRange'],
    ['a third-place match in Swiss', { format: 'SWISS', formatOptions: { thirdPlaceMatch: true } }, 'formatOptions.thirdPlaceMatch'],
    ['0 Swiss rounds', { format: 'SWISS', formatOptions: { swissRounds: 0 } }, 'formatOptions.swissRounds'],
    ['as many Swiss rounds as players', { format: 'SWISS', formatOptions: { swissRounds: 16 } }, 'formatOptions.swissRounds'],
    ['a ladder range of 11', { format: 'LADDER', formatOptions: { ladderChallengeRange: 11 } }, 'formatOptions.ladderChallengeRange'],
    ['a negative fixed prize', { prizePool: { fixed: -5, distribution: [100] } }, 'prizePool.fixed'],
    ['a fee share over 100', { prizePool: { feeSharePercent: 101, distribution: [100] } }, 'prizePool.feeSharePercent'],
    ['a distribution under 100', { prizePool: { distribution: [60, 30] } }, 'prizePool.distribution'],
    ['a distribution over 100', { prizePool: { distribution: [60, 50] } }, 'prizePool.distribution'],
    ['second place paid more than first', { prizePool: { distribution: [40, 60] } }, 'prizePool.distribution'],
    ['a place paid nothing', { prizePool: { distribution: [100, 0] } }, 'prizePool.distribution'],
    ['no places', { prizePool: { distribution: [] } }, 'prizePool.distribution'],
    ['more places than players', { maxParticipants: 4, prizePool: { distribution: [40, 30, 10, 10, 10] } }, 'prizePool.distribution'],
    ['level 0', { minimumLevel: 0 }, 'minimumLevel'],
    ['level 101', { minimumLevel: 101 }, 'minimumLevel'],
    ['rules of 10,001 characters', { rules: 'x'.repeat(10_001) }, 'rules'],
    ['a request key of 7 characters', { requestKey: 'abcdefg' }, 'requestKey'],
  ])('refuses %s (field %s)', (_name, change, field) => {
    expect(() => validateNewTournament({ ...valid, ...change }, NOW)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ field }) }));
  });
});
