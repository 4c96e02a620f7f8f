// Model-based test: the deadline wheel on a fake host (exact time, timers that fire exactly when
// due, and a `defer` that runs when the current "task" ends), under random deadlines, removals,
// advances and task ends. Every deadline that is not removed fires exactly once, in order of its due
// time, never before it, and at most one tick after it; a removed one never fires; the host timer is
// left unarmed once nothing is pending.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeadlineEntry, DeadlineWheel, type WheelHost } from '../../src/policy/deadlines.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);
const TICK = 4;

class FakeHost implements WheelHost {
  time = 0;
  sets = 0;
  readonly #timers = new Map<number, { readonly at: number; readonly callback: () => void }>();
  #id = 0;
  readonly #deferred: Array<() => void> = [];
  readonly defer: (callback: () => void) => void;

  /** A host that does not defer runs `defer`'s callback at once: deadlines are stamped when added. */
  constructor(readonly deferring: boolean) {
    this.defer = deferring ? (callback) => void this.#deferred.push(callback) : (callback) => callback();
  }

  get armedTimers(): number {
    return this.#timers.size;
  }

  now(): number {
    return this.time;
  }

  set(callback: () => void, ms: number): unknown {
    this.sets++;
    this.#timers.set(++this.#id, { at: this.time + ms, callback });
    return this.#id;
  }

  clear(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  /** The current task ends: deferred callbacks run. */
  endTask(): void {
    while (this.#deferred.length > 0) (this.#deferred.shift() as () => void)();
  }

  /** Time passes; timers fire when due, each in a task of its own. */
  advance(ms: number): void {
    this.endTask();
    const end = this.time + ms;
    for (;;) {
      let next: [number, { readonly at: number; readonly callback: () => void }] | undefined;
      for (const entry of this.#timers) if (entry[1].at <= end && (next === undefined || entry[1].at < next[1].at)) next = entry;
      if (next === undefined) break;
      this.#timers.delete(next[0]);
      this.time = Math.max(this.time, next[1].at);
      next[1].callback();
      this.endTask();
    }
    this.time = end;
  }
}

interface Model {
  readonly host: FakeHost;
  readonly wheel: DeadlineWheel;
  readonly entries: Probe[];
  readonly fired: Probe[];
}

class Probe extends DeadlineEntry {
  /** When the deadline's time was taken: at `add` on an exact host, at the end of the task on a deferring one. */
  stampedAt: number | undefined;
  removed = false;
  firedAt: number[] = [];

  constructor(readonly ms: number, readonly log: Probe[], readonly host: FakeHost) {
    super();
  }

  get due(): number | undefined {
    return this.stampedAt === undefined ? undefined : this.stampedAt + this.ms;
  }

  expire(): void {
    this.firedAt.push(this.host.time);
    this.log.push(this);
  }
}

class Add implements fc.Command<Model, Model> {
  constructor(readonly ms: number) {}
  check = (): boolean => true;
  run(m: Model): void {
    const probe = new Probe(this.ms, m.fired, m.host);
    if (!m.host.deferring) probe.stampedAt = m.host.time;
    m.entries.push(probe);
    m.wheel.add(probe, this.ms);
    verify(m);
  }
  toString = (): string => `add(${this.ms})`;
}

class Remove implements fc.Command<Model, Model> {
  constructor(readonly pick: number) {}
  check = (): boolean => true;
  run(m: Model): void {
    const live = m.entries.filter((e) => !e.removed && e.firedAt.length === 0);
    const probe = live[this.pick % Math.max(live.length, 1)];
    if (probe === undefined) return;
    probe.removed = true;
    m.wheel.remove(probe);
    m.wheel.remove(probe); // twice: harmless
    verify(m);
  }
  toString = (): string => `remove(#${this.pick})`;
}

class EndTask implements fc.Command<Model, Model> {
  check = (): boolean => true;
  run(m: Model): void {
    stampFresh(m);
    m.host.endTask();
    verify(m);
  }
  toString = (): string => 'endTask';
}

class Advance implements fc.Command<Model, Model> {
  constructor(readonly ms: number) {}
  check = (): boolean => true;
  run(m: Model): void {
    stampFresh(m);
    m.host.advance(this.ms);
    verify(m);
  }
  toString = (): string => `advance(${this.ms})`;
}

/** On a deferring host, the deadlines added in this task get their time when it ends. */
function stampFresh(m: Model): void {
  for (const probe of m.entries) if (probe.stampedAt === undefined && !probe.removed) probe.stampedAt = m.host.time;
}

function verify(m: Model): void {
  const now = m.host.time;
  let pending = 0;
  for (const probe of m.entries) {
    expect(probe.firedAt.length).toBeLessThanOrEqual(1);
    if (probe.removed) {
      expect(probe.firedAt).toEqual([]);
      continue;
    }
    const due = probe.due;
    const [firedAt] = probe.firedAt;
    if (firedAt !== undefined) {
      expect(due).toBeDefined();
      expect(firedAt).toBeGreaterThanOrEqual(due as number); // never early
      expect(firedAt).toBeLessThan((due as number) + TICK); // at most one tick late
    } else {
      pending++;
      if (due !== undefined) expect(now).toBeLessThan(due + TICK);
    }
  }
  // In order of due time (then of adding), across every firing.
  const dues = m.fired.map((p) => p.due as number);
  expect(dues).toEqual([...dues].sort((a, b) => a - b));
  expect(m.wheel.pending).toBe(pending);
}

describe('DeadlineWheel (model)', () => {
  for (const deferring of [false, true]) {
    it(`fires every deadline once, in order, never early, at most one tick late (${deferring ? 'stamped when the task ends' : 'stamped when added'})`, () => {
      const commands = [
        fc.integer({ min: 0, max: 60 }).map((ms) => new Add(ms)),
        fc.integer({ min: 0, max: 1000 }).map((pick) => new Remove(pick)),
        fc.constant(new EndTask()),
        fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 80 })).map((ms) => new Advance(ms)),
      ];
      fc.assert(
        fc.property(fc.commands(commands, { size: '+1' }), fc.integer({ min: 0, max: 1000 }), (cmds, start) => {
          const host = new FakeHost(deferring);
          host.time = start + 0.5;
          const m: Model = { host, wheel: new DeadlineWheel(host, TICK), entries: [], fired: [] };
          fc.modelRun(() => ({ model: m, real: m }), cmds);
          // Everything left fires within its deadline plus a tick, and then no host timer is armed.
          stampFresh(m);
          host.advance(200);
          verify(m);
          for (const probe of m.entries) expect(probe.firedAt.length).toBe(probe.removed ? 0 : 1);
          expect(m.wheel.pending).toBe(0);
          expect(m.wheel.armed).toBe(false);
          expect(host.armedTimers).toBe(0);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('arms no host timer per deadline: 100k deadlines added and removed leave nothing armed', () => {
    for (const deferring of [false, true]) {
      const host = new FakeHost(deferring);
      const wheel = new DeadlineWheel(host, TICK);
      const probes = Array.from({ length: 8 }, () => new Probe(10_000, [], host));
      for (let i = 0; i < 100_000; i++) {
        const probe = probes[i % 8] as Probe;
        wheel.add(probe, 10_000);
        wheel.remove(probe);
        if (i % 1000 === 0) host.advance(1); // time passes and tasks end between calls
      }
      expect(wheel.pending).toBe(0);
      // A host stamping per task arms nothing at all for deadlines removed within the task; one
      // stamping per call arms one timer and re-arms only when it fires.
      expect(host.sets).toBeLessThanOrEqual(deferring ? 0 : 1);
      host.advance(10_010);
      expect(wheel.armed).toBe(false);
      expect(host.armedTimers).toBe(0);
    }
  });

  it('refuses a tick that is not a positive number', () => {
    expect(() => new DeadlineWheel(new FakeHost(false), 0)).toThrow(new TypeError('DeadlineWheel: tickMs must be > 0, got 0'));
  });
});
