// `faultline demo`'s arguments and exit codes, without running the workloads: the runs are
// replaced by fixed numbers, so the rule "0 whenever it ran" is checked even when faultline loses.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DemoRun } from '../../src/cli/demo-run.js';
import { runDemo } from '../../src/cli/demo.js';

const runs = vi.hoisted(() => ({ baselineWins: false, calls: [] as { id: string; label: string; scale: number }[] }));
vi.mock('../../src/cli/demo-run.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/cli/demo-run.js')>();
  return {
    ...mod,
    runWorkload: async (demo: { id: string }, _client: unknown, label: string, scale: number): Promise<DemoRun> => {
      runs.calls.push({ id: demo.id, label, scale });
      const worse = runs.baselineWins && label === 'faultline';
      return { calls: 2, succeeded: worse ? 1 : 2, requests: 2, wastedRetries: 0, hintsGiven: 0, hintsHonoured: 0, duplicateSideEffects: 0, wallSeconds: 1, outcomes: [] };
    },
  };
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out: () => out.join(''), err: () => err.join('') };
}

afterEach(() => {
  runs.baselineWins = false;
  runs.calls.length = 0;
});

describe('faultline demo arguments and exit code', () => {
  it('exits 0 when faultline did worse: the tables report it, the run did not fail', async () => {
    runs.baselineWins = true;
    const c = capture();
    expect(await runDemo(['--vendor', 'pulse'], c.io)).toBe(0);
    expect(c.out()).toContain('faultline did worse than the seed loop on at least one row.');
    expect(c.out()).toMatch(/calls succeeded\s+2\/2\s+1\/2\s+baseline/);
  });

  it('exits 0 with --json whoever won, and the report says who', async () => {
    runs.baselineWins = true;
    const c = capture();
    expect(await runDemo(['--json', '--vendor=runinfra'], c.io)).toBe(0);
    expect(JSON.parse(c.out()).faultlineNeverWorse).toBe(false);
  });

  it('runs every vendor in seed order, each through both clients, at the given scale', async () => {
    expect(await runDemo(['--scale', '3'], capture().io)).toBe(0);
    expect(runs.calls.map((r) => `${r.id}/${r.label}/${r.scale}`)).toEqual(
      ['impulse', 'runs-api', 'runinfra', 'pulse', 'fhir-inference'].flatMap((id) => [`${id}/seed loop/3`, `${id}/faultline/3`]),
    );
  });

  it('prints usage on stdout for --help and -h, and runs nothing', async () => {
    for (const flag of ['--help', '-h']) {
      const c = capture();
      expect(await runDemo([flag], c.io)).toBe(0);
      expect(c.out()).toMatch(/^usage: faultline demo \[--vendor ID\] \[--json\] \[--scale MS\]/);
    }
    expect(runs.calls).toEqual([]);
  });

  it.each([
    [['--vendor', 'acme'], "faultline demo: --vendor must be one of impulse, runs-api, runinfra, pulse, fhir-inference, got 'acme'"],
    [['--vendor'], 'faultline demo: --vendor needs a value'],
    [['--vendor', 'pulse', '--vendor', 'runinfra'], 'faultline demo: --vendor given twice'],
    [['--scale', '0'], "faultline demo: --scale must be a number of ms from 1 to 1000, got '0'"],
    [['--scale=fast'], "faultline demo: --scale must be a number of ms from 1 to 1000, got 'fast'"],
    [['--json=yes'], 'faultline demo: --json takes no value'],
    [['--fast'], 'faultline demo: unknown option --fast'],
    [['pulse'], "faultline demo: unknown argument 'pulse'"],
  ])('exits 2 for %j, saying what is wrong, then the usage, on stderr', async (args, message) => {
    const c = capture();
    expect(await runDemo(args, c.io)).toBe(2);
    expect(c.err().startsWith(`${message}\nusage: faultline demo`), c.err()).toBe(true);
    expect(c.out()).toBe('');
    expect(runs.calls).toEqual([]);
  });
});
