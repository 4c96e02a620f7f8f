// The demo's numbers without running it: traffic measured by the vendor's rules, rows scored per
// successful call, and the tables printed from them.
import { describe, expect, it } from 'vitest';
import { createFault } from '../../src/core/fault.js';
import { reportText, vendorTable } from '../../src/cli/demo-render.js';
import { type DemoRun, measureRun } from '../../src/cli/demo-run.js';
import { type DemoReport, compareCost, compareLower, neverWorse, scoreRows } from '../../src/cli/demo-score.js';
import type { ChaosRequest } from '../../src/testing/chaos-types.js';

function sent(at: number, fault?: Parameters<typeof createFault>[0]): ChaosRequest {
  return {
    index: 0, method: 'POST', path: '/x', headers: {}, idempotencyKey: undefined, body: '', at, requestId: 'r', remotePort: undefined,
    action: fault === undefined ? 'ok' : 'fault', status: undefined, fault: fault === undefined ? undefined : createFault(fault), committed: false,
  };
}

const run = (more: Partial<DemoRun>): DemoRun => ({
  calls: 4, succeeded: 2, requests: 8, wastedRetries: 0, hintsGiven: 0, hintsHonoured: 0, duplicateSideEffects: 0, wallSeconds: 10, outcomes: [], ...more,
});

describe('measureRun', () => {
  it('counts a retry after a never-retry fault, or past the fault\'s retry limit, as wasted', () => {
    const requests = [
      sent(0, { code: 'quota_exhausted' }), sent(1, { code: 'quota_exhausted' }), // call 1: retried a hopeless fault
      sent(2, { code: 'internal', retryLimit: 1 }), sent(3, { code: 'internal', retryLimit: 1 }), sent(4), // call 2: the second retry was past the limit
      sent(5, { code: 'quota_exhausted' }), // call 3: not retried
    ];
    const measured = measureRun({ requests, ranges: [[0, 2], [2, 5], [5, 6]], outcomes: ['quota_exhausted', 'ok', 'quota_exhausted'], duplicateSideEffects: 1, wallMs: 12_340 });
    expect(measured).toEqual({ calls: 3, succeeded: 1, requests: 6, wastedRetries: 2, hintsGiven: 0, hintsHonoured: 0, duplicateSideEffects: 1, wallSeconds: 12.3, outcomes: ['quota_exhausted', 'ok', 'quota_exhausted'] });
  });

  it('counts a server hint as honoured when the next attempt waited at least that long, or there was none', () => {
    const requests = [
      sent(0, { code: 'rate_limited', retryAfterMs: 2_000 }), sent(1_999, { code: 'rate_limited', retryAfterMs: 2_000 }), sent(4_000), // one early, one kept
      sent(5_000, { code: 'rate_limited', retryAfterMs: 60_000 }), // the call gave up: nothing was sent early
    ];
    const measured = measureRun({ requests, ranges: [[0, 3], [3, 4]], outcomes: ['ok', 'rate_limited'], duplicateSideEffects: 0, wallMs: 0 });
    expect([measured.hintsGiven, measured.hintsHonoured]).toEqual([3, 2]);
  });
});

describe('scoring', () => {
  it('lower wins, and within the tolerance is a tie', () => {
    expect([compareLower(1, 0), compareLower(0, 1), compareLower(2, 2), compareLower(100, 98, 0.03)]).toEqual(['faultline', 'baseline', 'tie', 'tie']);
  });

  it('compares cost per successful call, so more successes may cost more in total', () => {
    expect(compareCost(12, 3, 13, 6)).toBe('faultline');
    expect(compareCost(4, 2, 6, 2)).toBe('baseline');
    // Nobody succeeded: the totals decide.
    expect([compareCost(5, 0, 3, 0), compareCost(3, 0, 3, 0)]).toEqual(['faultline', 'tie']);
    // Equal per success but different totals: the totals decide too.
    expect(compareCost(4, 2, 2, 1)).toBe('faultline');
  });

  it('scores the six rows in order, and a baseline win makes faultline worse', () => {
    const rows = scoreRows(run({ duplicateSideEffects: 1, hintsGiven: 2, hintsHonoured: 1 }), run({ hintsGiven: 1, hintsHonoured: 1 }));
    expect(rows.map((r) => [r.metric, r.baseline, r.faultline, r.winner])).toEqual([
      ['calls succeeded', '2/4', '2/4', 'tie'],
      ['requests sent', '8 (4.0/ok)', '8 (4.0/ok)', 'tie'],
      ['retries wasted on hopeless faults', '0', '0', 'tie'],
      ['server hints honoured', '1/2', '1/1', 'faultline'],
      ['duplicate side effects', '1', '0', 'faultline'],
      ['wall time (vendor seconds)', '10 s (5.0 s/ok)', '10 s (5.0 s/ok)', 'tie'],
    ]);
    expect(neverWorse(rows)).toBe(true);
    expect(neverWorse(scoreRows(run({}), run({ wastedRetries: 1 })))).toBe(false);
  });

  it('calls a wall-time difference within 3 % a tie (timer jitter), and beyond it a win', () => {
    expect(scoreRows(run({ wallSeconds: 10 }), run({ wallSeconds: 9.8 }))[5]?.winner).toBe('tie');
    expect(scoreRows(run({ wallSeconds: 10 }), run({ wallSeconds: 9.5 }))[5]?.winner).toBe('faultline');
  });
});

describe('rendering', () => {
  const vendor = { id: 'runinfra', name: 'RunInfra', seed: '002', story: 'a 500 once', baseline: run({}), faultline: run({ succeeded: 4 }), rows: scoreRows(run({}), run({ succeeded: 4 })) };

  it('prints a table with a header, aligned columns and the winner per row', () => {
    const text = vendorTable(vendor);
    expect(text.startsWith('\nRunInfra (seed 002, --vendor runinfra)\n  a 500 once\n')).toBe(true);
    expect(text).toContain(`${''.padEnd(34)}  ${'seed-000 loop'.padStart(20)}  ${'faultline'.padStart(20)}    better\n`);
    expect(text).toContain(`${'calls succeeded'.padEnd(34)}  ${'2/4'.padStart(20)}  ${'4/4'.padStart(20)}    faultline\n`);
  });

  it('ends with the verdict, saying so when faultline did worse', () => {
    const report = (faultlineNeverWorse: boolean): DemoReport => ({ realMsPerSecond: 10, vendors: [vendor], faultlineNeverWorse });
    expect(reportText(report(true))).toMatch(/\nfaultline did at least as well as the seed loop on every row of every vendor\.\n$/);
    expect(reportText(report(false))).toMatch(/\nfaultline did worse than the seed loop on at least one row\.\n$/);
  });
});
