import { describe, expect, it } from 'vitest';
import { askedUnits, fixturesShortage } from './fixtures-fit.ts';

const account = (id: string, vdn: number, inspector: boolean) => ({ id, vdn, inspector });
const QA = [account('30101', 1, true), account('30102', 1, true), account('30201', 1, false), account('30202', 1, false), account('40201', 2, false)];
const ONE_INSPECTOR = QA.filter((a) => a.id !== '30102');

describe('whether the fixtures can give a load scenario its units', () => {
  it("takes the README's smallest QA set for every scenario at its default sizes", () => {
    for (const scenario of ['smoke', 'barge-storm', 'throughput', 'soak'] as const) expect(fixturesShortage(scenario, QA, 'qa.json', {})).toBeUndefined();
  });

  it('calls a size the user asked for and the fixtures cannot give a usage problem, naming the flag', () => {
    const shortage = fixturesShortage('throughput', QA, 'qa.json', { vus: 3 });
    expect(shortage).toEqual({
      usage: true,
      message: 'the throughput scenario cannot run on the fixtures qa.json: 3 VUs need 3 (inspector, agent) pairs of one VDN each, but the fixtures give only 2 (VDN 1: 2 inspectors, 2 agents; VDN 2: 0 inspectors, 1 agents); ask for fewer or add accounts (asked for by --vus 3: a flag, CCGW_LOAD_VUS/CCGW_LOAD_INSPECTORS or "load" in the config file)',
    });
    expect(fixturesShortage('barge-storm', QA, 'qa.json', { inspectors: 3 })).toMatchObject({ usage: true, message: expect.stringContaining('(asked for by --inspectors 3') });
  });

  it('ignores a group size for scenarios of pairs', () => {
    expect(fixturesShortage('soak', QA, 'qa.json', { inspectors: 5 })).toBeUndefined();
  });

  it('says why when not even one unit fits the default sizes, without blaming a flag', () => {
    expect(fixturesShortage('smoke', ONE_INSPECTOR, 'tiny.json', {})).toEqual({
      usage: false,
      message: 'the smoke scenario cannot run on the fixtures tiny.json: no storm group of 2 inspectors and 1 agent fits in one VDN (VDN 1: 1 inspectors, 2 agents; VDN 2: 0 inspectors, 1 agents); add accounts: a storm needs 2 inspectors and 1 agent of one VDN',
    });
    expect(fixturesShortage('throughput', ONE_INSPECTOR, 'tiny.json', {})).toBeUndefined();
  });
});

describe('the sizes a run asks for', () => {
  it("are the settings', else the environment's that k6 reads directly", () => {
    expect(askedUnits({ vus: 4 }, { CCGW_LOAD_VUS: '9', CCGW_LOAD_INSPECTORS: '3' })).toEqual({ vus: 4, inspectors: 3 });
    expect(askedUnits({}, { CCGW_LOAD_VUS: ' ' })).toEqual({ vus: undefined, inspectors: undefined });
  });
});
