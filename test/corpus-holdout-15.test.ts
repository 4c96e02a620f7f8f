/**
 * The fifteenth holdout corpus: real responses from 30 vendor families in none of the public corpus and the
 * first fourteen holdouts (Open-Meteo, OpenF1, AccuWeather, SeatGeek, Eventbrite, Ticketmaster, Tomorrow.io,
 * API-Football, StubHub, TheSportsDB, football-data.org; VirusTotal, Shodan, Let's Encrypt, Have I Been Pwned,
 * 2Captcha, MaxMind, 1Password Connect, DNSimple, hCaptcha, AbuseIPDB; Jellyfin, Home Assistant, Portainer,
 * Sonarr, qBittorrent, Transmission, Immich, BookStack, Gotify), gathered blind by three gatherers while the
 * fourteenth holdout was being spent, labelled from their sources and the catalog before faultline ran on
 * them (each unsure label carries a `note`). Same file format and label rules as the public corpus
 * (./corpus/corpus.ts); every family has `profile: null`. It measured the tree blind (66.4% on two trees),
 * then was spent: rules were written from its misses (test/vendors/generic-holdout15-shapes.test.ts), so it
 * no longer measures unseen vendors; the sixteenth holdout does. A second labeller, labelling blind, agreed
 * on the code for 97.7% of its cases.
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here
 * fails; a rise means the floor may be raised.
 */
import { HOLDOUT15_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the fifteenth holdout (scripts/corpus-score.ts, thirty-first section). Scored blind on two
 * trees: the session's starting tree (b3a41fe) and after the fourteenth's rules: code 66.4% on both, every
 * answer the same. After the rules its own misses gave: 76.3%.
 */
const FLOOR = { code: 0.763, retry: 0.908, vendorCode: 0.87, requestId: 0.977, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.763, retry: 0.908, vendorCode: 0.87, requestId: 0.977, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the fifteenth holdout corpus',
  dir: HOLDOUT15_DIR,
  earlier: HOLDOUT_SETS.slice(0, 14),
  minCases: 130,
  minFamilies: 30,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
