/**
 * No secret escapes through `faultline demo`: every error response the demo's chaos servers send
 * is the vendor's own shape with secrets of every form in it — the message, a field error, the
 * request id (header and body), an upgrade URL, `Set-Cookie`, `WWW-Authenticate`, `x-api-key` —
 * and so is every success body; the demo itself sends its API key as a Bearer token. Neither the
 * human tables nor the `--json` report, nor the progress on stderr, shows any of them.
 *
 * The demo's workloads are data (src/cli/demo-workloads.ts); this test swaps their scripted faults
 * for raw responses carrying the secrets, because the chaos server's own faults go through
 * `createFault`, which would redact a planted message before it was ever sent.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChaosAction, ChaosStep } from '../../src/testing/chaos-server.js';
import { type DemoCall, VENDOR_DEMOS, type VendorDemo } from '../../src/cli/demo-workloads.js';
import { runCli } from '../../src/cli/main.js';
import { CATALOG, isFaultCode } from '../../src/core/catalog.js';
import { type FaultInit, createFault } from '../../src/core/fault.js';
import { BUILTIN_PROFILES } from '../../src/vendors/registry.js';
import { memoryIO } from '../cli/support.js';
import { SECRET_FORMS, type Planted, shows } from './secret-arbitraries.js';

const RUNS = Number(process.env.FC_RUNS_DEMO ?? 1);
/** The key the demo sends in its Authorization header (src/cli/demo-clients.ts). */
const DEMO_KEY = 'sk_live_demo_0000000000000000';

// The mocked module's VENDOR_DEMOS is this array: each run fills it with the workloads, secrets planted.
const workloads = vi.hoisted(() => ({ original: [] as VendorDemo[], planted: [] as VendorDemo[] }));
vi.mock('../../src/cli/demo-workloads.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/cli/demo-workloads.js')>();
  workloads.original = [...mod.VENDOR_DEMOS];
  workloads.planted.push(...mod.VENDOR_DEMOS);
  return { ...mod, VENDOR_DEMOS: workloads.planted };
});

const PLACE = { message: 'PLANTxMESSAGE', field: 'PLANTxFIELD', requestId: 'PLANTxREQID', upgradeUrl: 'https://portal.example.com/PLANTxUPGRADE' } as const;
const inJson = (text: string): string => JSON.stringify(text).slice(1, -1);

/** Hands out the run's secrets in turn, so every form lands somewhere in every vendor's traffic. */
function dealer(all: readonly Planted[]): () => Planted {
  let next = 0;
  return () => all[next++ % all.length] as Planted;
}

function faultInit(step: ChaosStep): FaultInit | undefined {
  if (typeof step === 'string') return isFaultCode(step) ? { code: step } : undefined;
  return step.type === 'fault' ? (typeof step.fault === 'string' ? { code: step.fault } : step.fault) : undefined;
}

/** Headers that carry a secret on every response. */
function secretHeaders(deal: () => Planted): Record<string, string> {
  return {
    'set-cookie': `session=${deal().text}; Path=/; HttpOnly`,
    'www-authenticate': `Bearer realm="api", error="invalid_token", error_description="${deal().text}"`,
    'x-api-key': deal().text,
  };
}

/** The vendor's rendering of a scripted fault, as a raw response with secrets where its message, field error, request id and upgrade URL were. */
function plantedStep(demo: VendorDemo, step: ChaosStep, deal: () => Planted): ChaosStep {
  const init = faultInit(step);
  if (init === undefined) return step;
  const profile = BUILTIN_PROFILES.find((p) => p.id === demo.id);
  const fault = createFault({
    status: CATALOG[init.code].status,
    ...init,
    message: `${init.message ?? 'failed'} ${PLACE.message}`,
    requestId: PLACE.requestId,
    ...(init.fields === undefined ? {} : { fields: init.fields.map((f) => ({ path: f.path, message: `${f.message} ${PLACE.field}` })) }),
    ...(init.upgradeUrl === undefined && init.code !== 'quota_exhausted' ? {} : { upgradeUrl: PLACE.upgradeUrl }),
  });
  const rendered = profile?.render?.(fault);
  if (rendered === undefined) throw new Error(`no renderer for ${demo.id}`);
  const message = deal();
  const field = deal();
  const requestId = deal();
  const upgrade = deal();
  const swap = (text: string, escape: (t: string) => string): string =>
    text
      .replaceAll(PLACE.message, escape(`invalid credential ${message.text}`))
      .replaceAll(PLACE.field, escape(field.text))
      .replaceAll(PLACE.requestId, escape(requestId.text))
      .replaceAll(PLACE.upgradeUrl, escape(upgrade.text));
  const headers: Record<string, string> = secretHeaders(deal);
  for (const [name, value] of Object.entries(rendered.headers)) headers[name] = swap(value, (t) => t);
  const common = typeof step === 'object' ? { ...(step.commit === undefined ? {} : { commit: step.commit }), ...(step.delayMs === undefined ? {} : { delayMs: step.delayMs }) } : {};
  return { type: 'response', status: rendered.status, headers, body: swap(rendered.body, inJson), ...common } satisfies ChaosAction;
}

/** A success that also carries secrets: a token in the body, a cookie, a key echoed in a header. */
function plantedOk(deal: () => Planted): ChaosStep {
  const token = deal();
  return { type: 'ok', headers: { ...secretHeaders(deal), 'x-request-id': deal().text }, body: JSON.stringify({ ok: true, access_token: token.text, note: `issued ${deal().text}` }) };
}

function plantedCall(demo: VendorDemo, call: DemoCall, deal: () => Planted): DemoCall {
  const plan = [...(call.plan ?? []).map((step) => plantedStep(demo, step, deal)), plantedOk(deal)];
  return { ...call, plan, ...(call.outage === undefined ? {} : { outage: { ...call.outage, step: plantedStep(demo, call.outage.step, deal) } }) };
}

function plant(all: readonly Planted[]): void {
  // (the static import above made the mock load; the demo reads this very array)
  expect([VENDOR_DEMOS === workloads.planted, workloads.original.length]).toEqual([true, 5]);
  const deal = dealer(all);
  workloads.planted.splice(0, workloads.planted.length, ...workloads.original.map((demo) => ({ ...demo, calls: demo.calls.map((call) => plantedCall(demo, call, deal)) })));
}

/** Every response body and header the demo's clients received (through the global fetch both use). */
function recordResponses(): { readonly texts: string[]; restore(): void } {
  const texts: string[] = [];
  const real = globalThis.fetch;
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const res = await real(input, init);
    texts.push(JSON.stringify([...res.headers]), await res.clone().text());
    return res;
  });
  return { texts, restore: () => spy.mockRestore() };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('no secret escapes through faultline demo', () => {
  it('in its tables, its --json report or its progress, whatever the vendors send back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(...SECRET_FORMS), async (all) => {
        plant(all);
        for (const json of [false, true]) {
          const received = recordResponses();
          const io = memoryIO('', {}, true);
          let code: number;
          try {
            code = await runCli(['demo', '--scale', '1', ...(json ? ['--json'] : [])], io.io);
          } finally {
            received.restore();
          }
          const output = `${io.out()}${io.err()}`;
          expect(code, io.err()).toBe(0);
          expect(io.out()).toContain(json ? '"faultlineNeverWorse"' : 'calls succeeded');
          // Not vacuous: every secret did reach the demo's clients.
          const seen = received.texts.join('\n');
          for (const s of all) expect(seen, s.text).toContain(s.secret);
          for (const s of all) expect(shows(output, s.secret), `${s.secret} in:\n${output}`).toBe(false);
          expect(output).not.toContain(DEMO_KEY);
          expect(shows(output, DEMO_KEY.slice('sk_live_'.length))).toBe(false);
        }
      }),
      // Each run is two whole demos: no shrinking (a failure prints the secrets and the output as they were).
      { numRuns: RUNS, endOnFailure: true },
    );
  });
});
