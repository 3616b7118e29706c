import * as fc from 'fast-check';
import { describe } from 'vitest';
import { DEFAULT_PROFILE, PROFILE_2025, withOverrides, type Profile } from '../../src/domain/profiles.ts';
import { malformedGuidArb } from '../arbitraries/guid.ts';
import { qcScenarioArb } from '../arbitraries/qc-scenario.ts';
import { answersOfProfile, DEFAULT_ANSWERS, documentedRangeOf, type ExpectedAnswers } from '../model/documented-rules.ts';
import { expectedQcAnswer } from '../model/scenario-model.ts';
import { useInProcessGateway } from '../testing/in-process-gateway.ts';
import { propertyTest } from '../testing/property-test.ts';
import { describeQcCase } from '../domain/qc-case.ts';
import { DEMO_ROLES, playQcScenario } from './qc-http-scenario.ts';

/** A 2025 gateway whose undocumented answers all differ from the defaults, with QC on inspectors. */
const OTHER_PROFILE: Profile = withOverrides(PROFILE_2025, {
  answers: { pathMismatch: '000-002', guidMismatch: '000-003', otherVdn: '000-002', targetNotSignedIn: '900-003', targetAlreadyBarged: '900-003', cancelWithoutBarge: '900-004', phoneMismatch: '100-014' },
  qcOnInspectors: true,
});

const GATEWAYS: readonly { readonly name: string; readonly profile: Profile | undefined; readonly answers: () => ExpectedAnswers }[] = [
  // The default gateway is held to the answers the facts give, not to what the profile says.
  { name: 'default gateway', profile: undefined, answers: () => DEFAULT_ANSWERS },
  { name: 'gateway with every undocumented answer overridden', profile: OTHER_PROFILE, answers: () => answersOfProfile(OTHER_PROFILE) },
];

for (const g of GATEWAYS) {
  describe(`addinsert and cancel over HTTP: ${g.name}`, () => {
    const gw = useInProcessGateway(g.profile ? { profile: g.profile } : {});

    const profile = g.profile ?? DEFAULT_PROFILE;
    // Printed as the domain cases are, on the demo accounts (VDN 1 and VDN 2).
    const scenarios = fc
      .tuple(qcScenarioArb(documentedRangeOf(profile)), malformedGuidArb())
      .map((t) => Object.defineProperty(t, fc.toStringMethod, { value: () => `${describeQcCase({ profile, roles: DEMO_ROLES, vdns: { own: 1, other: 2 }, scenario: t[0] })}; malformed Guid ${JSON.stringify(t[1])}`, enumerable: false }));
    for (const op of ['addInsert', 'cancelInsert'] as const) {
      propertyTest({
        id: `http.${op.toLowerCase()}.${g.profile ? 'overridden' : 'default'}.documented-precedence`,
        title: `${g.name}: ${op} over HTTP answers what the documented precedence gives, in the contract, with no invariant broken`,
        defaultRuns: 500,
        property: fc.asyncProperty(
          scenarios,
          async ([s, malformed]) => {
            const { answer, sent } = await playQcScenario(gw(), op, s, malformed);
            const expected = expectedQcAnswer(op, s, { answers: g.answers(), qcOnInspectors: profile.qcOnInspectors });
            if (answer !== expected) throw new Error(`${op} agentid=${JSON.stringify(sent.agentid)} workNo=${JSON.stringify(sent.workNo)} Guid=${JSON.stringify(sent.guid)}: expected ${expected}, got ${answer}`);
            const audit = await gw().admin.audit();
            if (audit.violationCount > 0) throw new Error(`the audit found ${audit.violationCount} violation(s): ${audit.violations.map((v) => `${v.invariant}: ${v.detail}`).join('; ')}`);
          },
        ),
      });
    }
  });
}
