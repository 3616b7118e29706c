import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ensureK6 } from '../../src/tools/ensure-k6.ts';
import {
  PartitionError,
  accountsOf,
  accountsOfUnits,
  executionTuple,
  fitUnits,
  ownedIndices,
  parseFraction,
  parseSegment,
  partition,
  planPairs,
  planStormGroups,
  scaleCount,
  unitForVu,
  type PlanAccount,
} from './partition.ts';

const SEQUENCES: Record<string, string[]> = {
  '0,1': ['0:1'],
  '0,1/2,1': ['0:1/2', '1/2:1'],
  '0,1/3,2/3,1': ['0:1/3', '1/3:2/3', '2/3:1'],
  '0,1/2,3/4,1': ['0:1/2', '1/2:3/4', '3/4:1'],
  '0,0.2,50%,1': ['0:0.2', '0.2:50%', '50%:1'],
};

function accounts(vdn: number, inspectors: number, agents: number, base: number): PlanAccount[] {
  return [
    ...Array.from({ length: inspectors }, (_, i) => ({ id: String(base + i), vdn, inspector: true })),
    ...Array.from({ length: agents }, (_, i) => ({ id: String(base + 100 + i), vdn, inspector: false })),
  ];
}

describe('parsing segments as k6 does', () => {
  it('reads fractions, decimals and percentages in lowest terms', () => {
    expect(parseFraction('2/4')).toEqual({ num: 1, den: 2 });
    expect(parseFraction('0.25')).toEqual({ num: 1, den: 4 });
    expect(parseFraction('75%')).toEqual({ num: 3, den: 4 });
    expect(parseFraction('1')).toEqual({ num: 1, den: 1 });
  });

  it('treats a bare bound as 0:bound and nothing as the whole test', () => {
    expect(parseSegment('1/2')).toEqual(parseSegment('0:1/2'));
    expect(parseSegment(undefined)).toEqual(parseSegment('0:1'));
    expect(parseSegment(null)).toEqual(parseSegment('0:1'));
  });

  it('names the bad value', () => {
    expect(() => parseSegment('1/2:1/3')).toThrow(/"1\/2:1\/3" is empty/);
    expect(() => parseSegment('0:3/2')).toThrow(/"3\/2" lies outside \[0, 1\]/);
    expect(() => parseFraction('half')).toThrow(/"half" is not a fraction/);
    expect(() => executionTuple('0:1/2', '0,1/3,2/3,1')).toThrow(/0:1\/2 is not one of the segments.*--execution-segment-sequence/);
  });
});

describe('partition across complementary segments', () => {
  for (const [sequence, segments] of Object.entries(SEQUENCES)) {
    it(`${sequence}: every item belongs to exactly one segment, and counts match k6's scaling`, () => {
      for (const count of [0, 1, 2, 3, 5, 7, 10, 31, 100]) {
        const owners = new Array<number>(count).fill(0);
        let total = 0;
        for (const seg of segments) {
          const tuple = executionTuple(seg, sequence);
          const owned = ownedIndices(tuple, count);
          expect(owned.length, `${seg} of ${count}`).toBe(scaleCount(tuple, count));
          expect([...owned].sort((a, b) => a - b)).toEqual(owned);
          for (const i of owned) owners[i]!++;
          total += owned.length;
        }
        expect(total).toBe(count);
        expect(owners.every((n) => n === 1)).toBe(true);
      }
    });
  }

  it('gives the whole list to a run without segments', () => {
    expect(partition(['a', 'b', 'c'], executionTuple(undefined, undefined))).toEqual(['a', 'b', 'c']);
  });

  it('stripes halves alternately, as k6 stripes VUs', () => {
    expect(partition(['a', 'b', 'c', 'd', 'e'], executionTuple('0:1/2', '0,1/2,1'))).toEqual(['a', 'c', 'e']);
    expect(partition(['a', 'b', 'c', 'd', 'e'], executionTuple('1/2:1', '0,1/2,1'))).toEqual(['b', 'd']);
  });

  it('fills a missing sequence around the segment, as k6 does', () => {
    expect(ownedIndices(executionTuple('1/2:1'), 4)).toEqual(ownedIndices(executionTuple('1/2:1', '0,1/2,1'), 4));
  });
});

describe('planning units', () => {
  const supply = [...accounts(1, 7, 3, 30100), ...accounts(2, 2, 5, 40100)];

  it('builds storm groups within one VDN, never reusing an account', () => {
    const plan = planStormGroups(supply, 3);
    expect(plan.map((g) => [g.vdn, g.target, g.inspectors.length])).toEqual([
      [1, '30200', 3],
      [1, '30201', 3],
    ]);
    const used = plan.flatMap(accountsOf);
    expect(new Set(used).size).toBe(used.length);
  });

  it('builds pairs within one VDN, up to a maximum', () => {
    const plan = planPairs(supply);
    expect(plan.map((p) => p.vdn)).toEqual([1, 1, 1, 2, 2]);
    expect(planPairs(supply, 2)).toHaveLength(2);
    const used = plan.flatMap(accountsOf);
    expect(new Set(used).size).toBe(used.length);
  });

  it('says what the fixtures lack when nothing fits', () => {
    expect(() => planStormGroups(accounts(1, 2, 9, 30100), 3)).toThrow(/VDN 1: 2 inspectors, 9 agents/);
    expect(() => planPairs(accounts(1, 0, 9, 30100))).toThrow(PartitionError);
    expect(() => planStormGroups(supply, 1)).toThrow(/at least 2 inspectors/);
    expect(() => planPairs([...accounts(1, 1, 1, 30100), ...accounts(1, 1, 0, 30100)])).toThrow(/"30100" appears twice/);
  });

  it('hands VU idInTest its unit, and nothing past the plan', () => {
    const plan = planPairs(supply);
    expect(unitForVu(plan, 1)).toBe(plan[0]);
    expect(unitForVu(plan, plan.length + 1)).toBeUndefined();
  });
});

describe('the partition agrees with the real k6', () => {
  const script = join(import.meta.dirname, '..', 'checks', 'vu-ids.ts');
  const run = promisify(execFile);

  for (const [sequence, segments] of Object.entries(SEQUENCES).filter(([s]) => s !== '0,1')) {
    it(`VU idInTest values of each segment of ${sequence} are the indexes the partition gives it`, { timeout: 20 * 60_000 }, async () => {
      const k6 = await ensureK6();
      const dir = mkdtempSync(join(tmpdir(), 'vu-ids-'));
      try {
        const vus = 7;
        for (const seg of segments) {
          const out = join(dir, `${seg.replace(/[:/%.]/g, '_')}.txt`);
          await run(k6, ['run', '--quiet', '--address=', '--summary-mode=disabled', '--console-output', out, '--execution-segment', seg, '--execution-segment-sequence', sequence, script], {
            env: { ...process.env, VUS: String(vus), K6_NO_USAGE_REPORT: 'true' },
          });
          const ids = readFileSync(out, 'utf8')
            .split('\n')
            .flatMap((line) => /idInTest=(\d+)/.exec(line)?.[1] ?? [])
            .map((id) => Number(id) - 1)
            .sort((a, b) => a - b);
          expect(ids, seg).toEqual(ownedIndices(executionTuple(seg, sequence), vus));
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

describe('the accounts a VU keeps', () => {
  it('are those of its units, found in one pass over the fixtures', () => {
    const accounts = [
      { id: '1', vdn: 1, inspector: true },
      { id: '2', vdn: 1, inspector: false },
      { id: '3', vdn: 1, inspector: true },
      { id: '4', vdn: 1, inspector: false },
    ];
    const [first, second] = planPairs(accounts);
    expect([...accountsOfUnits(accounts, [first!]).keys()]).toEqual(['1', '2']);
    expect([...accountsOfUnits(accounts, [first!, second!]).values()]).toEqual(accounts);
    expect(accountsOfUnits(accounts, []).size).toBe(0);
  });
});

describe('fitting a run to the fixtures', () => {
  const defaults = (vus: number, inspectorsPerGroup: number) => ({ vus, inspectorsPerGroup, given: { vus: false, inspectorsPerGroup: false } });
  // The README's smallest QA set: two inspectors and two agents of one VDN, one agent of another.
  const qa = [...accounts(1, 2, 2, 30100), ...accounts(2, 0, 1, 40100)];

  it("lets a scenario's default sizes give way to small fixtures: one storm group of the two inspectors", () => {
    const fitted = fitUnits(qa, 'storm', defaults(2, 3));
    expect(fitted).toMatchObject({ vus: 1, inspectorsPerGroup: 2 });
    expect(fitted.plan).toEqual([{ kind: 'storm', vdn: 1, target: '30200', inspectors: ['30100', '30101'] }]);
  });

  it('keeps the default sizes where the fixtures hold them', () => {
    expect(fitUnits(accounts(1, 10, 5, 30100), 'storm', defaults(2, 3))).toMatchObject({ vus: 2, inspectorsPerGroup: 3 });
    expect(fitUnits(accounts(1, 30, 30, 30100), 'pairs', defaults(20, 2))).toMatchObject({ vus: 20 });
  });

  it('runs as many pairs as the fixtures hold when the VUs are a default', () => {
    expect(fitUnits(qa, 'pairs', defaults(20, 2))).toMatchObject({ vus: 2 });
  });

  it('holds a given VU count, making default storm groups smaller where that lets it fit', () => {
    const four = accounts(1, 4, 2, 30100);
    expect(fitUnits(four, 'storm', { vus: 2, inspectorsPerGroup: 3, given: { vus: true, inspectorsPerGroup: false } })).toMatchObject({ vus: 2, inspectorsPerGroup: 2 });
    expect(() => fitUnits(four, 'storm', { vus: 3, inspectorsPerGroup: 3, given: { vus: true, inspectorsPerGroup: false } })).toThrow(
      /^3 VUs need 3 storm groups of 2 inspectors and 1 agent of one VDN each, but the fixtures give only 2 \(VDN 1: 4 inspectors, 2 agents\); ask for fewer or add accounts$/,
    );
    expect(() => fitUnits(qa, 'pairs', { vus: 3, inspectorsPerGroup: 2, given: { vus: true, inspectorsPerGroup: false } })).toThrow(PartitionError);
  });

  it('holds a given group size', () => {
    expect(() => fitUnits(qa, 'storm', { vus: 1, inspectorsPerGroup: 3, given: { vus: false, inspectorsPerGroup: true } })).toThrow(/^no storm group of 3 inspectors and 1 agent fits in one VDN .*; add accounts or lower the inspectors per group$/);
  });

  it('throws when not one unit fits, saying what a storm needs', () => {
    expect(() => fitUnits(accounts(1, 1, 2, 30100), 'storm', defaults(2, 3))).toThrow(/^no storm group of 2 inspectors and 1 agent fits in one VDN \(VDN 1: 1 inspectors, 2 agents\); add accounts: a storm needs 2 inspectors and 1 agent of one VDN$/);
    expect(() => fitUnits(accounts(1, 2, 0, 30100), 'pairs', defaults(1, 2))).toThrow(PartitionError);
  });
});
