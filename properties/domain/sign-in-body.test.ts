import * as fc from 'fast-check';
import { describe } from 'vitest';
import { checkSignInBody } from '../../src/domain/sign-in-body.ts';
import { decideSignIn } from '../../src/domain/sign-in.ts';
import { InMemoryWorld } from '../../src/domain/in-memory-world.ts';
import type { Profile } from '../../src/domain/profiles.ts';
import { operations } from '../../src/generated/contract.ts';
import { validateSignInRequest } from '../../src/generated/validators.js';
import { signInBodyArb, validSignInBodyArb } from '../arbitraries/sign-in-body.ts';
import { profileArb } from '../arbitraries/profile.ts';
import { AbstractGateway } from '../model/abstract-model.ts';
import { answersOfProfile } from '../model/documented-rules.ts';
import { propertyTest } from '../testing/property-test.ts';
import { NOW } from './qc-world.ts';

const ACCOUNT = { id: '30101', vdn: 1, inspector: true, phone: '88830101', password: 'pw-30101' };
const CREDENTIALS = { password: ACCOUNT.password, phonenum: ACCOUNT.phone };
const modelOf = (profile: Profile) => new AbstractGateway([ACCOUNT], { answers: answersOfProfile(profile), qcOnInspectors: profile.qcOnInspectors });

describe('sign-in body rules and the contract', () => {
  propertyTest({
    id: 'domain.signin.body-agrees-with-schema',
    title: 'the sign-in body rules accept exactly what the contract schema SignInRequest accepts, where the schema has a rule',
    defaultRuns: 3000,
    property: fc.property(signInBodyArb(), (body) => {
      const domain = checkSignInBody(body);
      const schema = validateSignInRequest(body);
      if (domain.ok && !schema) throw new Error(`the domain accepts a body the schema refuses: ${JSON.stringify(validateSignInRequest.errors?.[0])}`);
      if (!domain.ok && schema) throw new Error(`the schema accepts a body the domain refuses: ${domain.field} ${domain.reason} (${domain.retcode})`);
    }),
  });

  propertyTest({
    id: 'domain.signin.answers',
    title: 'a sign-in answers a body code for a body the contract refuses, and otherwise an empty password as the profile says, then checks the password, then the phone, then succeeds',
    defaultRuns: 2000,
    property: fc.property(signInBodyArb(CREDENTIALS), profileArb(), fc.boolean(), (body, profile, force) => {
      const world = new InMemoryWorld([ACCOUNT]);
      const d = decideSignIn(world, { agentid: ACCOUNT.id, body, force }, profile, NOW);
      const op = force ? 'forceLogin' : 'signIn';
      if (!operations[op].retcodes.some((r) => r.code === d.retcode)) throw new Error(`${op} answered ${d.retcode}, which the contract does not list for ${op}`);
      if (!validateSignInRequest(body)) {
        const bodyCodes = ['100-001', '100-011', '100-012', '100-016'];
        if (!bodyCodes.includes(d.retcode)) throw new Error(`a body the contract refuses answered ${d.retcode} (rule ${d.rule}); expected one of the body codes ${bodyCodes.join(', ')}`);
        return;
      }
      const b = body as { password: string; phonenum: string };
      const credentials = { password: b.password === '' ? 'empty' : b.password === ACCOUNT.password ? 'right' : 'wrong', phone: b.phonenum === ACCOUNT.phone ? 'right' : 'wrong' } as const;
      const expected = modelOf(profile).signIn(ACCOUNT.id, credentials, 4, false, force).retcode;
      if (d.retcode !== expected) throw new Error(`${op} answered ${d.retcode} (rule ${d.rule}) for a body the contract accepts; expected ${expected}`);
    }),
  });

  propertyTest({
    id: 'domain.signin.session-and-events',
    title: 'a valid sign-in starts a session in the requested status with the documented events, always off-hook exactly when releasephone is false',
    defaultRuns: 1000,
    property: fc.property(validSignInBodyArb(CREDENTIALS), profileArb(), (body, profile) => {
      const world = new InMemoryWorld([ACCOUNT]);
      const d = decideSignIn(world, { agentid: ACCOUNT.id, body, force: false }, profile, NOW);
      if (d.retcode !== '0') throw new Error(`a valid sign-in answered ${d.retcode} (rule ${d.rule})`);
      world.apply(d);
      const session = world.agent(ACCOUNT.id)!.session!;
      const status = (body['status'] as 3 | 4 | 5 | undefined) ?? 4;
      const offHook = body['releasephone'] === false;
      if (session.status !== status || session.alwaysOffHook !== offHook || session.barging !== null || session.bargedBy !== null) {
        throw new Error(`the session is ${JSON.stringify(session)}; expected status ${status}, always off-hook ${offHook}, no barge`);
      }
      const model = modelOf(profile);
      model.signIn(ACCOUNT.id, { password: 'right', phone: 'right' }, status, offHook, false).commit();
      const types = JSON.stringify(d.deliveries.map((x) => x.event.eventType));
      const expected = JSON.stringify(model.queue(ACCOUNT.id).map((e) => e.type));
      if (types !== expected) throw new Error(`sign-in sent ${types}, expected ${expected}`);
    }),
  });
});
