/**
 * The sixteenth holdout corpus: real responses from 27 vendor families in none of the public corpus and the
 * first fifteen holdouts (Bungie, Lichess, MusicBrainz, AniList, Blizzard Battle.net, Mojang, Jikan, Hypixel,
 * Scryfall; Mindee, NeverBounce, Zyte, ZeroBounce, OCR.space, People Data Labs, LibreTranslate, MyMemory, Lob,
 * PandaDoc; Octopus Energy, athenahealth, CourtListener, SolarEdge, Socrata, the US Census Bureau, Enphase,
 * postcodes.io), gathered blind by three gatherers while the fifteenth holdout was being spent, labelled from
 * their sources and the catalog before faultline ran on them (each unsure label carries a `note`). Same file
 * format and label rules as the public corpus (./corpus/corpus.ts); every family has `profile: null`. No
 * rule has been written from its misses.
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here
 * fails; a rise means the floor may be raised.
 */
import { HOLDOUT16_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the sixteenth holdout (scripts/corpus-score.ts, thirty-third section). Scored blind on three
 * trees: the session's starting tree (b3a41fe), after the fourteenth's rules (4de67a8), after the
 * fifteenth's (2bd303e): code 61.2%, 61.2%, 61.9% (a traceback read without its frames gained one).
 */
const FLOOR = { code: 0.619, retry: 0.858, vendorCode: 0.813, requestId: 0.992, retryAfterMs: 0.97 } as const;
const GENERIC_FLOOR = { code: 0.619, retry: 0.858, vendorCode: 0.805, requestId: 1, retryAfterMs: 0.977 } as const;

holdoutSuite({
  name: 'the sixteenth holdout corpus',
  dir: HOLDOUT16_DIR,
  earlier: HOLDOUT_SETS.slice(0, 15),
  minCases: 130,
  minFamilies: 27,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
