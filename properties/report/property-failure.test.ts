import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ModelMismatchError } from '../model/model-real.ts';
import { checkProperty, vitestFilterCommand } from './check-property.ts';
import { commandsReplayPath, replayVariables } from './property-failure.ts';

describe('reporting a failed property', () => {
  it('reports the shrunk counterexample, the error, the seed and path, and a replay line that reproduces it', async () => {
    const spec = { id: 'demo.small', title: 'numbers stay below 100', defaultRuns: 200, property: fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => n < 100) };
    const first = await checkProperty(spec, { seed: 42 });
    expect(first.case.outcome).toBe('failed');
    const failure = first.case.failure!;
    expect(failure.counterexample).toBe('[100]');
    expect(failure.seed).toBe(42);
    expect(failure.message).toContain(`replay: CCGW_PROPERTY_SEED=42 CCGW_PROPERTY_PATH=${failure.path}`);
    const replayed = await checkProperty(spec, { seed: 42, path: failure.path! });
    expect(replayed.case.failure?.counterexample).toBe('[100]');
    expect(replayed.numRuns).toBe(1);
  });

  it('tells a model-based failure by its trace of calls', async () => {
    const spec = {
      id: 'demo.trace',
      title: 'a trace',
      defaultRuns: 1,
      property: fc.property(fc.constant(1), () => {
        throw new ModelMismatchError('SignIn(30101) → AddInsert(30101→30201) expected 0 got 900-005');
      }),
    };
    const { case: c } = await checkProperty(spec, {});
    expect(c.failure?.counterexample).toBe('SignIn(30101) → AddInsert(30101→30201) expected 0 got 900-005');
    expect(c.failure?.message.split('\n')[1]).toBe('counterexample: SignIn(30101) → AddInsert(30101→30201) expected 0 got 900-005');
  });

  it('explains a replay path that does not fit the property instead of throwing', async () => {
    const spec = { id: 'demo.path', title: 'any string', defaultRuns: 10, property: fc.property(fc.boolean(), () => true) };
    const { case: c } = await checkProperty(spec, { seed: 1, path: '9:9:9:9' });
    expect(c.outcome).toBe('failed');
    expect(c.failure?.message).toMatch(/does not lead to a counterexample of this property/);
  });

  it('extracts the command replay hint and writes the replay variables', () => {
    expect(commandsReplayPath('SignIn(30101),Poll(30101) /*replayPath="AB:C"*/')).toBe('AB:C');
    expect(commandsReplayPath('[1, 2]')).toBeUndefined();
    expect(replayVariables(-5, '3:1', 'AB:C')).toBe('CCGW_PROPERTY_SEED=-5 CCGW_PROPERTY_PATH=3:1 CCGW_PROPERTY_REPLAY_PATH="AB:C"');
  });

  it('filters vitest to the one test, its regex specials escaped and quoted for the shell', () => {
    expect(vitestFilterCommand("cancel (after a barge) isn't free")).toBe("npx vitest run properties -t 'cancel \\(after a barge\\) isn'\\''t free'");
  });
});
