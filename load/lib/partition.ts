/**
 * Splitting the test accounts between k6 processes and between VUs, so that no two VUs, in one process or in two
 * processes started with complementary `--execution-segment`s, ever use the same account.
 *
 * The accounts are first grouped into **units** (a storm group: one target and K inspectors; a pair: one inspector
 * and one agent), all of one VDN, each account in at most one unit. Units are then striped across execution
 * segments with k6's own algorithm (a port of `lib/execution_segment.go`): the units a segment owns are exactly the
 * indexes k6 hands to that segment's VUs as `exec.vu.idInTest - 1`. So VU `idInTest` takes unit `idInTest - 1` of
 * the whole plan, and the per-segment VU count k6 computes for `vus: units.length` equals the number of units the
 * segment owns.
 *
 * Pure: no k6 import, so Node tests import it too.
 */

/** A bad segment, sequence or plan; the message names the value and the fix. */
export class PartitionError extends Error {
  override readonly name = 'PartitionError';
}

/** A non-negative rational number in lowest terms. */
export interface Fraction {
  readonly num: number;
  readonly den: number;
}

/** One execution segment `[from, to)` of the whole test, 0 ≤ from < to ≤ 1. */
export interface Segment {
  readonly from: Fraction;
  readonly to: Fraction;
}

/** A segment within its (filled) sequence, with the striping k6 derives from the sequence. */
export interface ExecutionTuple {
  /** The segments covering [0, 1], in order. */
  readonly sequence: readonly Segment[];
  /** Position of this process's segment in `sequence`. */
  readonly index: number;
  /** Least common denominator of the segment lengths: the striping repeats every `lcd` items. */
  readonly lcd: number;
  /** The first item of each `lcd`-sized block that belongs to the segment. */
  readonly start: number;
  /** Distances between consecutive items of the segment (cyclic). */
  readonly offsets: readonly number[];
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
}

function fraction(num: number, den: number): Fraction {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0) throw new PartitionError(`invalid fraction ${num}/${den}`);
  const g = gcd(num, den) || 1;
  return { num: num / g, den: den / g };
}

function compare(a: Fraction, b: Fraction): number {
  return a.num * b.den - b.num * a.den;
}

function subtract(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den - b.num * a.den, a.den * b.den);
}

const ZERO = fraction(0, 1);
const ONE = fraction(1, 1);

/**
 * Parses one bound as k6 does: a fraction (`1/3`), a decimal (`0.5`) or a percentage (`50%`).
 *
 * @throws PartitionError naming the value.
 */
export function parseFraction(text: string): Fraction {
  const t = text.trim();
  let m = /^(\d+)\/(\d+)$/.exec(t);
  if (m) {
    if (Number(m[2]) === 0) throw new PartitionError(`${JSON.stringify(text)} divides by zero; write a fraction like 1/3`);
    return fraction(Number(m[1]), Number(m[2]));
  }
  m = /^(\d+)(?:\.(\d+))?(%?)$/.exec(t);
  if (m) {
    const decimals = m[2] ?? '';
    let value = fraction(Number(`${m[1]}${decimals}`), 10 ** decimals.length);
    if (m[3] === '%') value = fraction(value.num, value.den * 100);
    return value;
  }
  throw new PartitionError(`${JSON.stringify(text)} is not a fraction, decimal or percentage (e.g. 1/3, 0.5, 50%)`);
}

function inUnitInterval(f: Fraction, text: string, what: string): Fraction {
  if (compare(f, ZERO) < 0 || compare(f, ONE) > 0) throw new PartitionError(`${what} ${JSON.stringify(text)} lies outside [0, 1]`);
  return f;
}

/**
 * Parses `--execution-segment` (`from:to`, or `to` alone meaning `0:to`). Empty or undefined means the whole test.
 *
 * @throws PartitionError naming the value.
 */
export function parseSegment(text: string | null | undefined): Segment {
  if (text === undefined || text === null || text.trim() === '') return { from: ZERO, to: ONE };
  const parts = text.includes(':') ? text.split(':') : ['0', text];
  if (parts.length !== 2) throw new PartitionError(`execution segment ${JSON.stringify(text)} must be "from:to", e.g. 0:1/2`);
  const from = inUnitInterval(parseFraction(parts[0]!), parts[0]!, 'execution segment start');
  const to = inUnitInterval(parseFraction(parts[1]!), parts[1]!, 'execution segment end');
  if (compare(from, to) >= 0) throw new PartitionError(`execution segment ${JSON.stringify(text)} is empty: its start must be below its end`);
  return { from, to };
}

/**
 * Parses `--execution-segment-sequence` (`0,1/3,2/3,1`): strictly increasing bounds in [0, 1].
 * Empty or undefined gives an empty list.
 *
 * @throws PartitionError naming the value.
 */
export function parseSequence(text: string | null | undefined): Segment[] {
  if (text === undefined || text === null || text.trim() === '') return [];
  const bounds = text.split(',').map((b) => inUnitInterval(parseFraction(b), b, 'execution segment sequence bound'));
  if (bounds.length < 2) throw new PartitionError(`execution segment sequence ${JSON.stringify(text)} needs at least two bounds, e.g. 0,1/2,1`);
  const segments: Segment[] = [];
  for (let i = 1; i < bounds.length; i++) {
    if (compare(bounds[i - 1]!, bounds[i]!) >= 0) throw new PartitionError(`execution segment sequence ${JSON.stringify(text)} must be strictly increasing`);
    segments.push({ from: bounds[i - 1]!, to: bounds[i]! });
  }
  return segments;
}

function sameSegment(a: Segment, b: Segment): boolean {
  return compare(a.from, b.from) === 0 && compare(a.to, b.to) === 0;
}

function describeSegment(s: Segment): string {
  const f = (x: Fraction) => (x.den === 1 ? String(x.num) : `${x.num}/${x.den}`);
  return `${f(s.from)}:${f(s.to)}`;
}

/** Fills gaps before and after so the sequence covers [0, 1], as k6's GetFilledExecutionSegmentSequence does. */
function fillSequence(sequence: readonly Segment[], segment: Segment): Segment[] {
  const result = sequence.length > 0 ? [...sequence] : compare(subtract(segment.to, segment.from), ONE) === 0 ? [] : [segment];
  if (result.length === 0) return [{ from: ZERO, to: ONE }];
  if (compare(result[0]!.from, ZERO) !== 0) result.unshift({ from: ZERO, to: result[0]!.from });
  if (compare(result[result.length - 1]!.to, ONE) !== 0) result.push({ from: result[result.length - 1]!.to, to: ONE });
  return result;
}

/** The striping of k6's NewExecutionSegmentSequenceWrapper: for each segment, its start and cyclic offsets. */
function stripe(sequence: readonly Segment[]): { lcd: number; offsets: number[][] } {
  const lengths = sequence.map((s) => subtract(s.to, s.from));
  let lcd = lengths[0]!.den;
  for (const l of lengths.slice(1)) if (lcd !== l.den && lcd % l.den !== 0) lcd *= l.den / gcd(lcd, l.den);
  if (!Number.isSafeInteger(lcd) || lcd > 1_000_000) throw new PartitionError(`execution segment sequence ${sequence.map(describeSegment).join(',')} needs ${lcd} stripes; use simpler fractions`);
  const sorted = lengths
    .map((l, originalIndex) => ({ norm: l.num * (lcd / l.den), originalIndex }))
    .sort((a, b) => b.norm - a.norm);
  const offsets: number[][] = sequence.map(() => []);
  const prev = sequence.map(() => 0);
  const chosen = sequence.map(() => 0);
  for (let i = 0; i < lcd; i++) {
    for (let s = 0; s < sorted.length; s++) {
      const num = chosen[s]! * lcd;
      const denom = sorted[s]!.norm;
      const q = Math.floor(num / denom);
      if (i > q || (i === q && num % denom === 0)) {
        chosen[s]!++;
        const index = sorted[s]!.originalIndex;
        const list = offsets[index]!;
        list.push(i - prev[index]!);
        prev[index] = i;
        if (list.length === denom) list.push(list[0]! + lcd - i);
        break;
      }
    }
  }
  return { lcd, offsets };
}

/**
 * The tuple of one process: its segment within the (filled) sequence, with k6's striping.
 * Both arguments are what `exec.test.options.executionSegment` / `executionSegmentSequence` hold.
 *
 * @throws PartitionError when the segment is not one of the sequence's segments, naming both.
 */
export function executionTuple(segmentText: string | null | undefined, sequenceText?: string | null): ExecutionTuple {
  const segment = parseSegment(segmentText);
  const sequence = fillSequence(parseSequence(sequenceText), segment);
  const index = sequence.findIndex((s) => sameSegment(s, segment));
  if (index < 0) {
    throw new PartitionError(
      `execution segment ${describeSegment(segment)} is not one of the segments of the sequence ${sequence.map(describeSegment).join(', ')}; pass the same --execution-segment-sequence to every process and a segment from it`,
    );
  }
  const { lcd, offsets } = stripe(sequence);
  const own = offsets[index]!;
  return { sequence, index, lcd, start: own[0]!, offsets: own.slice(1) };
}

/** How many of `count` items (VUs, units) the segment gets: k6's ExecutionTuple.ScaleInt64. */
export function scaleCount(tuple: ExecutionTuple, count: number): number {
  if (tuple.sequence.length === 1) return count;
  let result = Math.floor(count / tuple.lcd) * tuple.offsets.length;
  for (let gi = 0, i = tuple.start; i < count % tuple.lcd; i += tuple.offsets[gi]!, gi++) result++;
  return result;
}

/**
 * The 0-based indexes of `count` items that belong to the segment, ascending: k6's SegmentedIndex. The VU with
 * `exec.vu.idInInstance` k has `exec.vu.idInTest - 1` equal to the k-th of these.
 */
export function ownedIndices(tuple: ExecutionTuple, count: number): number[] {
  const owned: number[] = [];
  let unscaled = 0;
  for (let scaled = 0; ; scaled++) {
    unscaled += scaled === 0 ? tuple.start + 1 : tuple.offsets[(scaled - 1) % tuple.offsets.length]!;
    if (unscaled > count) return owned;
    owned.push(unscaled - 1);
  }
}

/** The items that belong to the segment, in order. */
export function partition<T>(items: readonly T[], tuple: ExecutionTuple): T[] {
  return ownedIndices(tuple, items.length).map((i) => items[i]!);
}

/** An account as the planners need it: ID, VDN, inspection right. */
export interface PlanAccount {
  readonly id: string;
  readonly vdn: number;
  readonly inspector: boolean;
}

/** K inspectors racing to barge one target agent. */
export interface StormGroup {
  readonly kind: 'storm';
  readonly vdn: number;
  readonly target: string;
  readonly inspectors: readonly string[];
}

/** One inspector and one agent of the same VDN. */
export interface Pair {
  readonly kind: 'pair';
  readonly vdn: number;
  readonly inspector: string;
  readonly agent: string;
}

/** A unit of work owned by one VU. */
export type Unit = StormGroup | Pair;

function byVdn(accounts: Iterable<PlanAccount>): Map<number, { inspectors: string[]; agents: string[] }> {
  const seen = new Set<string>();
  const groups = new Map<number, { inspectors: string[]; agents: string[] }>();
  for (const a of accounts) {
    if (seen.has(a.id)) throw new PartitionError(`account ${JSON.stringify(a.id)} appears twice in the fixtures; each account may be listed once`);
    seen.add(a.id);
    let g = groups.get(a.vdn);
    if (!g) groups.set(a.vdn, (g = { inspectors: [], agents: [] }));
    (a.inspector ? g.inspectors : g.agents).push(a.id);
  }
  return groups;
}

function describeSupply(accounts: Iterable<PlanAccount>): string {
  const groups = byVdn(accounts);
  if (groups.size === 0) return 'the fixtures have no accounts';
  return [...groups].map(([vdn, g]) => `VDN ${vdn}: ${g.inspectors.length} inspectors, ${g.agents.length} agents`).join('; ');
}

/**
 * Storm groups: per VDN, target agent g with inspectors g·K … g·K+K−1; as many as the accounts allow, at most `max`.
 * Inspectors are never targets (barging an inspector needs "QC on inspectors").
 *
 * @throws PartitionError when not even one group fits, naming the supply per VDN.
 */
export function planStormGroups(accounts: Iterable<PlanAccount>, inspectorsPerGroup: number, max = Number.POSITIVE_INFINITY): StormGroup[] {
  if (!Number.isInteger(inspectorsPerGroup) || inspectorsPerGroup < 2) {
    throw new PartitionError(`a storm needs at least 2 inspectors per group to race, got ${inspectorsPerGroup}`);
  }
  const plan: StormGroup[] = [];
  for (const [vdn, g] of byVdn(accounts)) {
    const n = stormGroupsIn(g, inspectorsPerGroup);
    for (let i = 0; i < n && plan.length < max; i++) {
      plan.push({ kind: 'storm', vdn, target: g.agents[i]!, inspectors: g.inspectors.slice(i * inspectorsPerGroup, (i + 1) * inspectorsPerGroup) });
    }
  }
  if (plan.length === 0) {
    const fix = inspectorsPerGroup > 2 ? 'add accounts or lower the inspectors per group' : 'add accounts: a storm needs 2 inspectors and 1 agent of one VDN';
    throw new PartitionError(`no storm group of ${inspectorsPerGroup} inspectors and 1 agent fits in one VDN (${describeSupply(accounts)}); ${fix}`);
  }
  return plan;
}

/**
 * Disjoint (inspector, agent) pairs of the same VDN; as many as the accounts allow, at most `max`.
 *
 * @throws PartitionError when no pair fits, naming the supply per VDN.
 */
export function planPairs(accounts: Iterable<PlanAccount>, max = Number.POSITIVE_INFINITY): Pair[] {
  const plan: Pair[] = [];
  for (const [vdn, g] of byVdn(accounts)) {
    const n = Math.min(g.inspectors.length, g.agents.length);
    for (let i = 0; i < n && plan.length < max; i++) plan.push({ kind: 'pair', vdn, inspector: g.inspectors[i]!, agent: g.agents[i]! });
  }
  if (plan.length === 0) throw new PartitionError(`no (inspector, agent) pair of the same VDN fits (${describeSupply(accounts)}); add accounts`);
  return plan;
}

/** How many units a run wants, and which of those figures the user gave (the others are the scenario's defaults). */
export interface UnitWants {
  readonly vus: number;
  readonly inspectorsPerGroup: number;
  readonly given: { readonly vus: boolean; readonly inspectorsPerGroup: boolean };
}

/** The units a run gets, and the figures it runs with. */
export interface FittedUnits {
  readonly plan: Unit[];
  readonly vus: number;
  readonly inspectorsPerGroup: number;
}

/**
 * The units of a run from `accounts`: `vus` of them, storm groups of `inspectorsPerGroup` inspectors. A figure the
 * user gave is held to (a shortage throws); a scenario default gives way to smaller fixtures, as a QA account set of
 * two inspectors and two agents must still run the smoke. Storm groups then have as many inspectors as one VDN with an
 * agent holds (at least 2, the fewest that race), fewer still where that lets the given `vus` fit; and the run has as
 * many units as fit.
 *
 * @throws PartitionError when not one unit fits, or fewer than a given `vus` (naming the supply per VDN).
 */
export function fitUnits(accounts: Iterable<PlanAccount>, kind: 'storm' | 'pairs', want: UnitWants): FittedUnits {
  const list = [...accounts];
  let inspectorsPerGroup = want.inspectorsPerGroup;
  if (kind === 'storm' && !want.given.inspectorsPerGroup) {
    const vdns = [...byVdn(list).values()];
    let most = 0;
    for (const g of vdns) if (g.agents.length > 0) most = Math.max(most, g.inspectors.length);
    inspectorsPerGroup = Math.max(2, Math.min(inspectorsPerGroup, most));
    // The largest group size that gives the VUs asked for.
    const groups = (k: number) => vdns.reduce((n, g) => n + stormGroupsIn(g, k), 0);
    while (want.given.vus && inspectorsPerGroup > 2 && groups(inspectorsPerGroup) < want.vus) inspectorsPerGroup--;
  }
  const plan: Unit[] = kind === 'storm' ? planStormGroups(list, inspectorsPerGroup, want.vus) : planPairs(list, want.vus);
  if (plan.length < want.vus && want.given.vus) {
    const what = kind === 'storm' ? `storm groups of ${inspectorsPerGroup} inspectors and 1 agent` : '(inspector, agent) pairs';
    throw new PartitionError(`${want.vus} VUs need ${want.vus} ${what} of one VDN each, but the fixtures give only ${plan.length} (${describeSupply(list)}); ask for fewer or add accounts`);
  }
  return { plan, vus: Math.min(want.vus, plan.length), inspectorsPerGroup };
}

/** How many storm groups of `inspectorsPerGroup` one VDN's accounts make: each needs its inspectors and an agent. */
function stormGroupsIn(vdn: { readonly inspectors: readonly string[]; readonly agents: readonly string[] }, inspectorsPerGroup: number): number {
  return Math.min(Math.floor(vdn.inspectors.length / inspectorsPerGroup), vdn.agents.length);
}

/** Every account a unit uses. */
export function accountsOf(unit: Unit): string[] {
  return unit.kind === 'storm' ? [...unit.inspectors, unit.target] : [unit.inspector, unit.agent];
}

/**
 * The accounts `units` use, by ID: one pass over the fixtures' accounts, keeping only those (a VU keeps its own, not
 * the whole list; in k6 the list is shared and each account read from it is a copy).
 */
export function accountsOfUnits<A extends { readonly id: string }>(accounts: Iterable<A>, units: readonly Unit[]): Map<string, A> {
  const wanted = new Set(units.flatMap(accountsOf));
  const byId = new Map<string, A>();
  for (const a of accounts) if (wanted.has(a.id)) byId.set(a.id, a);
  return byId;
}

/** The unit of the VU with `exec.vu.idInTest` = `idInTest` (1-based), or undefined when the plan has fewer units. */
export function unitForVu<U extends Unit>(plan: readonly U[], idInTest: number): U | undefined {
  return plan[idInTest - 1];
}
