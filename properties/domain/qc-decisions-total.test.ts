import * as fc from 'fast-check';
import { describe } from 'vitest';
import { decideAddInsert } from '../../src/domain/add-insert.ts';
import { decideCancelInsert } from '../../src/domain/cancel-insert.ts';
import type { Decision } from '../../src/domain/decision.ts';
import { operations } from '../../src/generated/contract.ts';
import { answersOfProfile } from '../model/documented-rules.ts';
import { expectedQcAnswer } from '../model/scenario-model.ts';
import { propertyTest } from '../testing/property-test.ts';
import { outcomeOf, qcCaseArb, type QcCase } from './qc-case.ts';
import { NOW, qcWorld, sessionsOf } from './qc-world.ts';

type QcOperation = 'addInsert' | 'cancelInsert';

const decide = (op: QcOperation, c: QcCase) => {
  const { world, call } = qcWorld(c.scenario, c.roles, c.vdns);
  const before = sessionsOf(world);
  const decision = op === 'addInsert' ? decideAddInsert(world, call, c.profile, NOW) : decideCancelInsert(world, call, c.profile, NOW);
  return { world, call, before, decision };
};

function checkTotal(op: QcOperation, c: QcCase): void {
  const { world, call, before, decision } = decide(op, c);
  const listed = operations[op].retcodes.map((r) => r.code as string);
  if (decision.httpStatus === 404) {
    if (c.profile.answers.pathMismatch.value !== 'http-404') throw new Error(`answered HTTP 404 although the profile answers a path mismatch with ${c.profile.answers.pathMismatch.value}`);
    if (decision.retcode !== '') throw new Error(`an HTTP 404 carries retcode ${JSON.stringify(decision.retcode)}; it has no body retcode`);
  } else if (decision.httpStatus !== 200 || !listed.includes(decision.retcode)) {
    throw new Error(`answered HTTP ${decision.httpStatus} retcode ${JSON.stringify(decision.retcode)}, which the contract does not list for ${op} (it lists ${listed.join(', ')})`);
  }
  if (decision.retcode !== '0' && (decision.changes.length > 0 || decision.deliveries.length > 0)) {
    throw new Error(`rejected with ${outcomeOf(decision)} yet changes ${decision.changes.length} session(s) and delivers ${decision.deliveries.length} event(s)`);
  }
  const again = op === 'addInsert' ? decideAddInsert(world, call, c.profile, NOW) : decideCancelInsert(world, call, c.profile, NOW);
  if (JSON.stringify(again) !== JSON.stringify(decision)) throw new Error('deciding the same call twice gave two different decisions');
  if (JSON.stringify(sessionsOf(world)) !== JSON.stringify(before)) throw new Error('deciding changed the world; a decision must only describe changes');
}

function checkPrecedence(op: QcOperation, c: QcCase): void {
  const { decision } = decide(op, c);
  const answers = answersOfProfile(c.profile);
  const expected = expectedQcAnswer(op, c.scenario, { answers, qcOnInspectors: c.profile.qcOnInspectors });
  const got = outcomeOf(decision as Decision<object>);
  if (got !== expected) throw new Error(`expected ${expected}, got ${got} (rule ${decision.rule})`);
}

/** How the titles name each operation. */
const NAMES: Readonly<Record<QcOperation, string>> = { addInsert: 'addinsert', cancelInsert: 'cancel' };

describe('addinsert and cancel decisions over every situation', () => {
  for (const op of ['addInsert', 'cancelInsert'] as const) {
    propertyTest({
      id: `domain.${op.toLowerCase()}.total`,
      title: `every ${NAMES[op]} gets exactly one answer: a retcode the contract lists for ${NAMES[op]}, or HTTP 404 when the profile says so`,
      defaultRuns: 2000,
      property: fc.property(qcCaseArb(), (c) => checkTotal(op, c)),
    });

    propertyTest({
      id: `domain.${op.toLowerCase()}.documented-precedence`,
      title: `every ${NAMES[op]} answers what the documented precedence gives for its situation`,
      defaultRuns: 3000,
      property: fc.property(qcCaseArb(), (c) => checkPrecedence(op, c)),
    });
  }
});
