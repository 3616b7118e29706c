import { describe, expect, it } from 'vitest';
import { isRunSummary, parseRunSummary, RunSummaryError } from './parse-run-summary.ts';
import { samplePassingRun, sampleRulesRun, sampleRun, sampleShortThroughputRun } from './testing/sample-runs.ts';

function issuesOf(doc: unknown): string[] {
  try {
    parseRunSummary(doc, 'runs/x/summary.json');
  } catch (e) {
    if (e instanceof RunSummaryError) return e.issues.map((i) => `${i.path} ${i.message}`);
    throw e;
  }
  return [];
}

function mutated(edit: (doc: any) => void): unknown {
  const doc = structuredClone(sampleRun()) as any;
  edit(doc);
  return doc;
}

describe('parseRunSummary', () => {
  it('accepts the sample runs as they are', () => {
    expect(parseRunSummary(sampleRun(), 'a')).toEqual(sampleRun());
    expect(isRunSummary(samplePassingRun())).toBe(true);
    expect(parseRunSummary(sampleShortThroughputRun(), 'b')).toEqual(sampleShortThroughputRun());
  });

  it('names a bad asked or achieved figure and a dashboard outside the run', () => {
    const doc = structuredClone(sampleShortThroughputRun()) as any;
    doc.phases[1].load[0].asked.model = 'both';
    doc.phases[1].load[0].achieved.ratio = 1.5;
    doc.phases[1].load[0].dashboard = '../other/dashboard.html';
    expect(issuesOf(doc)).toEqual([
      expect.stringMatching(/^phases\[1\]\.load\[0\]\.dashboard is "\.\.\/other\/dashboard\.html"; it must match .*inside it/),
      'phases[1].load[0].asked.model is "both"; use one of "open", "closed"',
      'phases[1].load[0].achieved.ratio is 1.5; it must be <= 1',
    ]);
  });

  it('names the file, the field, the bad value and the allowed values for a wrong outcome', () => {
    const doc = mutated((d) => (d.phases[0].cases[0].outcome = 'pass'));
    expect(() => parseRunSummary(doc, 'runs/x/summary.json')).toThrow(/^runs\/x\/summary\.json is not a valid ccgw run summary:\n {2}- phases\[0\]\.cases\[0\]\.outcome is "pass"; use one of "passed", "failed", "skipped"/);
  });

  it('names a missing required field with its full path', () => {
    expect(issuesOf(mutated((d) => delete d.target.profile))).toContain('target.profile is missing; it is required');
  });

  it('says a skipped case needs a reason and a failed case needs a failure', () => {
    const issues = issuesOf(
      mutated((d) => {
        delete d.phases[0].cases[4].skipReason;
        delete d.phases[0].cases[1].failure;
      }),
    );
    expect(issues).toContain('phases[0].cases[4] is skipped but has no skipReason; add skipReason saying why the case did not run');
    expect(issues).toContain('phases[0].cases[1] is failed but has no failure; add failure with at least a message');
  });

  it('names an unknown field and lists the known ones', () => {
    const [issue] = issuesOf(mutated((d) => (d.phases[2].load[0].p95 = 3)));
    expect(issue).toMatch(/^phases\[2\]\.load\[0\]\.p95 is not a known field; remove it \(known fields: scenario, iterations, .*timeline\)$/);
  });

  it('explains a wrong type and a wrong timestamp', () => {
    const issues = issuesOf(
      mutated((d) => {
        d.durationMs = '75s';
        d.startedAt = '25/11/2026 10:00';
      }),
    );
    expect(issues).toContain('durationMs is string "75s"; it must be a number');
    expect(issues.some((i) => i.startsWith('startedAt is "25/11/2026 10:00"; it must match') && i.includes('ISO 8601'))).toBe(true);
  });

  it('rejects a date that has the right shape but does not exist', () => {
    expect(issuesOf(mutated((d) => (d.finishedAt = '2026-13-45T10:00:00Z')))).toEqual([
      'finishedAt is "2026-13-45T10:00:00Z", which is not a real date and time; use e.g. 2026-11-25T10:00:00.000Z',
    ]);
  });

  it('rejects duplicate case ids, because compare matches cases by id', () => {
    const issues = issuesOf(mutated((d) => (d.phases[1].cases[0].id = 'addinsert.ok')));
    expect(issues).toEqual(['phases[1].cases[0].id is "addinsert.ok", the same as phases[0].cases[0].id; case ids must be unique in a run (compare matches cases by id)']);
  });

  it('rejects outcomes that contradict their cases', () => {
    const issues = issuesOf(
      mutated((d) => {
        d.phases[0].outcome = 'passed';
        d.phases[1].outcome = 'passed';
        d.phases[2].outcome = 'passed';
        d.outcome = 'passed';
      }),
    );
    expect(issues).toContain('phases[0].outcome is "passed" but phases[0].cases[1] failed; a phase with a failed case is "failed"');
    const fixedPhases = issuesOf(
      mutated((d) => {
        d.phases[2].outcome = 'failed';
        d.outcome = 'passed';
      }),
    );
    expect(fixedPhases).toEqual(['outcome is "passed" but phases[0] ("contracts") failed; a run with a failed phase is "failed"']);
  });

  it('points to the right ccgw version for another schemaVersion', () => {
    expect(() => parseRunSummary(mutated((d) => (d.schemaVersion = 2)), 'old/summary.json')).toThrow(
      'old/summary.json was written by another version of ccgw:\n  - schemaVersion is 2; this ccgw reads schemaVersion 1: use the ccgw version that wrote the run',
    );
  });

  it('rejects something that is not an object', () => {
    expect(() => parseRunSummary([1, 2], 'x.json')).toThrow('x.json is not a valid ccgw run summary:\n  - (document) is an array; a run summary is a JSON object (see src/report/run-summary.schema.json)');
  });

  it('lists at most a dozen problems and says how many more there are', () => {
    const doc = mutated((d) => {
      for (const c of d.phases[0].cases) c.kind = 'weird';
      for (const c of d.phases[1].cases) c.kind = 'weird';
      for (const l of d.phases[2].load) l.rps = -1;
      d.target.kind = 'staging';
      d.target.auth = 'none';
      d.tool = {};
    });
    const issues = issuesOf(doc);
    expect(issues).toHaveLength(13);
    expect(issues[12]).toMatch(/^\.\.\. and [0-9]+ more problems; fix the ones above first$/);
  });

  it('names a load key that is not an operation name', () => {
    expect(issuesOf(mutated((d) => (d.phases[2].load[1].latencyMs['add insert'] = d.phases[2].load[1].latencyMs.addInsert)))).toContain(
      'phases[2].load[1].latencyMs["add insert"] is not a name; use letters, digits, _ and -',
    );
  });

  describe('the rule coverage matrix', () => {
    function rulesMutated(edit: (doc: any, rows: any[]) => void): unknown {
      const doc = structuredClone(sampleRulesRun()) as any;
      edit(doc, doc.phases[1].coverage);
      return doc;
    }
    const rowIndex = (rule: string) => sampleRulesRun().phases[1]!.coverage!.findIndex((r) => r.rule === rule);

    it('accepts the rules sample as it is', () => {
      expect(issuesOf(sampleRulesRun())).toEqual([]);
    });

    it('names a case id that is no case of the same phase, even one of another phase', () => {
      const r = rowIndex('addInsert.targetNotSignedIn');
      const issues = issuesOf(
        rulesMutated((_d, rows) => {
          rows[r].caseIds = ['rules.addInsert.targetNotSignedIn.signed-out-target', 'addinsert.ok', 'nowhere'];
        }),
      );
      expect(issues).toContain(`phases[1].coverage[${r}].caseIds[1] is "addinsert.ok", which is no case of phases[1] ("rules"); list only ids of this phase's cases`);
      expect(issues).toContain(`phases[1].coverage[${r}].caseIds[2] is "nowhere", which is no case of phases[1] ("rules"); list only ids of this phase's cases`);
    });

    it("says when a row's counts do not count its cases", () => {
      const r = rowIndex('addInsert.idOutOfRange.workNo');
      const issues = issuesOf(rulesMutated((_d, rows) => (rows[r].counts = { passed: 3, failed: 0, skipped: 0 })));
      expect(issues).toEqual([`phases[1].coverage[${r}].counts is 3 passed, 0 failed, 0 skipped but the cases in caseIds are 2 passed, 1 failed, 0 skipped; counts must count those cases by outcome`]);
    });

    it('holds the row outcome to its cases: failed if any failed, passed if one passed, skipped if all skipped', () => {
      const failed = rowIndex('addInsert.idOutOfRange.workNo');
      const skipped = rowIndex('addInsert.ctiFault');
      const passed = rowIndex('addInsert.selfTarget');
      const issues = issuesOf(
        rulesMutated((_d, rows) => {
          rows[failed].outcome = 'passed';
          rows[skipped].outcome = 'passed';
          rows[passed].outcome = 'skipped';
        }),
      );
      expect(issues).toEqual([
        `phases[1].coverage[${failed}].outcome is "passed" but its cases are 2 passed, 1 failed, 0 skipped; a rule with a failed case is "failed"`,
        `phases[1].coverage[${passed}].outcome is "skipped" but its cases are 1 passed, 0 failed, 0 skipped; a rule with a passed case and no failed one is "passed"`,
        `phases[1].coverage[${skipped}].outcome is "passed" but its cases are 0 passed, 0 failed, 1 skipped; a rule whose cases were all skipped (or that has none) is "skipped"`,
      ]);
    });

    it('takes a row without cases as skipped, not passed', () => {
      const r = rowIndex('addInsert.ctiFault');
      const doc = rulesMutated((d, rows) => {
        d.phases[1].cases = d.phases[1].cases.filter((c: any) => c.rule !== 'addInsert.ctiFault');
        rows[r].caseIds = [];
        rows[r].counts = { passed: 0, failed: 0, skipped: 0 };
      });
      expect(issuesOf(doc)).toEqual([]);
      (doc as any).phases[1].coverage[r].outcome = 'passed';
      expect(issuesOf(doc)).toEqual([`phases[1].coverage[${r}].outcome is "passed" but its cases are 0 passed, 0 failed, 0 skipped; a rule whose cases were all skipped (or that has none) is "skipped"`]);
    });

    it('rejects a rule listed twice in a phase, a case listed twice in a row, and a case of another rule', () => {
      const a = rowIndex('addInsert.selfTarget');
      const b = rowIndex('addInsert.noInspectionRight');
      const issues = issuesOf(
        rulesMutated((_d, rows) => {
          rows[b].rule = 'addInsert.selfTarget';
          rows[a].caseIds = [...rows[a].caseIds, rows[a].caseIds[0]];
        }),
      );
      expect(issues).toContain(`phases[1].coverage[${b}].rule is "addInsert.selfTarget", the same as phases[1].coverage[${a}].rule; a phase has one row per rule`);
      expect(issues).toContain(`phases[1].coverage[${a}].caseIds[1] is "rules.addInsert.selfTarget.default", listed already as caseIds[0]; list each case once`);
      expect(issues).toContain(`phases[1].coverage[${b}].caseIds[0] is "rules.addInsert.noInspectionRight.default", whose rule (phases[1].cases[${sampleRulesRun().phases[1]!.cases.findIndex((c) => c.id === 'rules.addInsert.noInspectionRight.default')}].rule) is "addInsert.noInspectionRight", not "addInsert.selfTarget"; list the case under its own rule's row`);
    });

    it("rejects a rule whose name does not start with its row's operation", () => {
      const r = rowIndex('cancelInsert.selfTarget');
      expect(issuesOf(rulesMutated((_d, rows) => (rows[r].operation = 'addInsert')))).toEqual([
        `phases[1].coverage[${r}].rule is "cancelInsert.selfTarget" but the row's operation is "addInsert"; a rule is named <operation>.<rule id>, e.g. addInsert.selfTarget`,
      ]);
    });

    it('names a coverage row field the schema does not know', () => {
      const [issue] = issuesOf(rulesMutated((_d, rows) => (rows[0].verdict = 'ok')));
      expect(issue).toMatch(/^phases\[1\]\.coverage\[0\]\.verdict is not a known field; remove it \(known fields: rule, operation, rank, .*detail\)$/);
    });
  });
});
