// `curl -si http://127.0.0.1:PORT/… | faultline classify --json` gives the same Fault as
// classifyResponse on the same response: each seed vendor's faults, served by the chaos server.
import { exec, execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { classifyResponse } from '../../src/entry/default-classifier.js';
import type { FaultInit } from '../../src/core/fault.js';
import { type ChaosServer, type ChaosStep, startChaosServer } from '../../src/testing/chaos-server.js';
import { memoryIO } from './support.js';

const run = promisify(execFile);
const shell = promisify(exec);
const CLI = new URL('../../dist/cli.js', import.meta.url);
const hasCurl = await run('curl', ['--version']).then(
  () => true,
  () => false,
);

const CASES: ReadonlyArray<readonly [string, FaultInit]> = [
  ['impulse', { code: 'rate_limited', retryAfterMs: 34_000, limit: 120, requestId: 'req_fixed_1' }],
  ['impulse', { code: 'service_unavailable', message: "Deployment 'm' is not active (status: BUILDING)", requestId: 'req_fixed_2' }],
  ['runs-api', { code: 'request_timeout', vendorCode: 'sync_timeout_upgrade_async', message: 'resubmit with async: true', requestId: 'req_fixed_3' }],
  ['runs-api', { code: 'payment_required', vendorCode: 'insufficient_credits', requestId: 'req_fixed_4' }],
  ['runinfra', { code: 'internal', message: 'boom', requestId: 'req_fixed_5' }],
  ['runinfra', { code: 'service_unavailable', retryAfterMs: 3_000, message: 'provisioning', requestId: 'req_fixed_6' }],
  ['pulse', { code: 'validation_failed', message: 'Input validation failed', fields: [{ path: 'transaction_amount', message: 'must be a positive number' }], requestId: 'req_fixed_7' }],
  ['fhir-inference', { code: 'quota_exhausted', upgradeUrl: 'https://portal.example.com/billing', requestId: 'req_fixed_8' }],
  ['fhir-inference', { code: 'service_unavailable', message: 'JWKS endpoint unreachable', requestId: 'req_fixed_9' }],
];

let server: ChaosServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The response as `curl -si` prints it, and as Node's fetch sees it, classified by each side. */
async function both(vendor: string, init: FaultInit, viaShell: boolean, named = false) {
  const flag = named ? ['--vendor', vendor] : [];
  const step: ChaosStep = { type: 'fault', fault: init };
  server = await startChaosServer({ vendor, script: [step, step] });
  const url = `${server.url}/v1/call`;
  let fromCli: unknown;
  if (viaShell) {
    const { stdout } = await shell(`curl -si --noproxy '*' -X POST -d '{}' ${url} | node ${CLI.pathname} classify --json ${flag.join(' ')}`).catch((e: { stdout: string }) => e);
    fromCli = JSON.parse(stdout);
  } else {
    const { stdout: raw } = await run('curl', ['-si', '--noproxy', '*', '-X', 'POST', '-d', '{}', url]);
    const mem = memoryIO(raw);
    await runCli(['classify', '--json', ...flag], mem.io);
    fromCli = JSON.parse(mem.out());
  }
  const res = await fetch(url, { method: 'POST', body: '{}' });
  const fromResponse = await classifyResponse(res, named ? { vendor } : {});
  return { fromCli, fromResponse: JSON.parse(JSON.stringify(fromResponse)) as unknown };
}

describe.skipIf(!hasCurl)('curl -si … | faultline classify', () => {
  it.each(CASES.map(([vendor, init]) => [vendor, init.code, init] as const))('%s %s: in-process CLI gives the same Fault', async (vendor, _code, init) => {
    // Detected from the body alone (a generic shape may claim it first), then with the vendor named.
    const detected = await both(vendor, init, false);
    expect(detected.fromCli).toEqual(detected.fromResponse);
    expect(detected.fromResponse).toMatchObject({ code: init.code, requestId: init.requestId });
    await server?.close();
    server = undefined;
    const named = await both(vendor, init, false, true);
    expect(named.fromCli).toEqual(named.fromResponse);
    expect(named.fromResponse).toMatchObject({ code: init.code, vendor, requestId: init.requestId });
  });

  it.skipIf(!existsSync(CLI))('through a real shell pipe into the built dist/cli.js', async () => {
    for (const [vendor, init] of CASES.slice(0, 3)) {
      const { fromCli, fromResponse } = await both(vendor, init, true, true);
      expect(fromCli).toEqual(fromResponse);
      await server?.close();
      server = undefined;
    }
  });
});
