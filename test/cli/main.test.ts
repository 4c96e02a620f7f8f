/**
 * The `faultline` dispatcher: `demo` is loaded lazily and gets the command's streams.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { memoryIO } from './support.js';

describe('faultline dispatch', () => {
  it('demo --help reaches the demo module with the same streams', async () => {
    const m = memoryIO();
    expect(await runCli(['demo', '--help'], m.io)).toBe(0);
    expect(m.out()).toMatch(/usage: faultline demo/);
  });

  it('demo usage errors keep the demo module’s exit code 2', async () => {
    const m = memoryIO();
    expect(await runCli(['demo', '--bogus'], m.io)).toBe(2);
    expect(m.err()).toMatch(/--bogus/);
  });

  it('help lists both commands', async () => {
    const m = memoryIO();
    expect(await runCli(['help'], m.io)).toBe(0);
    expect(m.out()).toMatch(/classify/);
    expect(m.out()).toMatch(/demo/);
  });
});
