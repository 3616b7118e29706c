import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_IDS } from '../../src/domain/retcodes.ts';
import { startMockGateway, type MockGateway } from '../../src/gateway/mock-gateway.ts';
import { REPO_ROOT } from '../../src/paths.ts';
import { ensureSchemathesis, SchemathesisToolError } from '../../src/tools/ensure-schemathesis.ts';
import { acceptedClasses, explain, formatSummary, runSchemathesis, type FailureRecord } from './run-schemathesis.ts';

const record = (over: Partial<FailureRecord>): FailureRecord => ({ code: 'ST201', title: 't', operation: 'PUT /x', phase: 'fuzzing', message: '', status: 200, retcode: '100-006', ...over });

describe('the classes of failures the design explains', () => {
  const classes = acceptedClasses();

  it('explain an auth failure or invalid input answered 200 with a retcode, and nothing else', () => {
    expect(explain(record({ code: 'ST401' }), classes)?.id).toBe('guid-refused-in-the-body');
    expect(explain(record({ code: 'ST201', retcode: '100-011' }), classes)?.id).toBe('invalid-input-refused-in-the-body');
    expect(explain(record({ code: 'ST201', retcode: '0' }), classes)).toBeUndefined();
    expect(explain(record({ code: 'ST401', retcode: '0' }), classes)).toBeUndefined();
    expect(explain(record({ code: 'ST103', status: 500, retcode: undefined }), classes)).toBeUndefined();
    // 400 (like 405, 408, 413, 431) is declared on every operation: an undocumented status is a finding.
    expect(explain(record({ code: 'ST103', status: 400, retcode: undefined }), classes)).toBeUndefined();
    expect(explain(record({ code: 'ST101', status: 500 }), classes)).toBeUndefined();
  });

  it('give every class a reason', () => {
    for (const c of classes) expect(c.reason.length, c.id).toBeGreaterThan(60);
  });
});

describe('Schemathesis against the mock gateway', () => {
  let gw: MockGateway;
  let binary: string | undefined;
  let noPython: string | undefined;
  beforeAll(async () => {
    try {
      binary = await ensureSchemathesis();
    } catch (e) {
      if (!(e instanceof SchemathesisToolError && e.reason === 'no-python')) throw e;
      noPython = e.message;
    }
    gw = await startMockGateway({ port: 0, pollWaitMs: 200 });
  });
  afterAll(() => gw?.close());

  it('finds nothing outside the explained classes in any phase, stateful included, with its auth signing agents in', async (ctx) => {
    if (binary === undefined) return ctx.skip(`Python is missing, so Schemathesis cannot run: ${noPython}`);
    const workDir = join(REPO_ROOT, 'reports', 'schemathesis');
    const summary = await runSchemathesis({ binary, url: gw.url, workDir, maxExamples: Number(process.env['CCGW_FUZZ_EXAMPLES'] ?? 300) });
    // What the mock answered: successes show that the auth hook's Guids reached signed-in agents.
    const answered = gw.state.counters.snapshot().operations;
    const successes = Object.fromEntries(OPERATION_IDS.map((op) => [op, answered[op]?.retcodes['0'] ?? 0]));
    await writeFile(join(workDir, 'summary.md'), `${formatSummary(summary)}\nAnswers with retcode 0, by operation: ${JSON.stringify(successes)}\n`);
    await writeFile(join(workDir, 'summary.json'), `${JSON.stringify({ ...summary, successes }, null, 2)}\n`);
    expect(summary.unexplained, formatSummary(summary)).toEqual([]);
    expect(summary.errors).toEqual([]);
    expect(summary.operations.tested).toBe(OPERATION_IDS.length);
    for (const phase of ['examples', 'coverage', 'fuzzing', 'stateful']) expect(summary.phases[phase], phase).toMatch(/^(success|failure)$/);
    expect(summary.cases).toBeGreaterThan(1000);
    for (const op of ['sayFree', 'sayBusy', 'getAgentEvent', 'resetSkill', 'handShake', 'heartbeat', 'updateGuid', 'allAgentStatus', 'onlineAgentOnVdn'] as const) {
      expect(successes[op], `${op} never succeeded: the auth hook's Guids did not reach a signed-in agent`).toBeGreaterThan(0);
    }
  }, 12 * 60_000);
});
