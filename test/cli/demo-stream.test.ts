// The demo's LLM streaming scene, end to end on 127.0.0.1: a naive stream reader takes broken
// answers as whole and shows tokens twice; createFetch().stream retries only before the first
// token, says when an answer broke, and ends a stalled stream at its idle timeout.
import { describe, expect, it } from 'vitest';
import { streamScene } from '../../src/cli/demo-stream.js';
import { reportText } from '../../src/cli/demo-render.js';
import { expectNothingLeft, resources } from '../fetch/helpers.js';

describe('faultline demo: the LLM streaming scene', () => {
  it('faultline never takes a broken stream as whole nor shows a token twice; the naive reader does both', async () => {
    const before = resources();
    const scene = await streamScene(2);
    expect(scene.baseline.outcomes).toEqual(['ok', 'broken', 'broken', 'broken', 'ok', 'ok']);
    expect(scene.faultline.outcomes).toEqual(['ok', 'ok', 'ok', 'overloaded', 'connection_reset', 'client_timeout']);
    expect([scene.baseline.brokenTakenAsComplete, scene.faultline.brokenTakenAsComplete]).toEqual([3, 0]);
    expect([scene.baseline.tokensShownTwice, scene.faultline.tokensShownTwice]).toEqual([3, 0]);
    // The stall: the naive reader waits out its 60 s overall timeout; faultline's idle timeout is 10 s.
    expect(scene.baseline.wallSeconds).toBeGreaterThanOrEqual(60);
    expect(scene.faultline.wallSeconds).toBeLessThan(30);
    expect(scene.rows.filter((r) => r.winner === 'baseline')).toEqual([]);
    const text = reportText({ realMsPerSecond: 2, vendors: [], streaming: scene, faultlineNeverWorse: true });
    expect(text).toContain('LLM streaming (Anthropic shape)');
    expect(text).toMatch(/broken answers taken as whole\s+3\s+0\s+faultline/);
    await expectNothingLeft(before);
  });
});
