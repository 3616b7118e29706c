/**
 * Arbitraries of the model commands over a cast: sign-in and forcelogin (valid bodies mostly, in any of the three
 * sign-in statuses, with or without an always-off-hook phone, and broken ones), sayfree and saybusy (valid and
 * invalid reasons), addinsert and cancel from inspectors and agents onto agents, inspectors, another VDN's agent and
 * IDs that are no agent, polls, status reads and sign-outs, each with the caller's own Guid mostly and sometimes
 * none, another agent's, an expired or a malformed one.
 */
import * as fc from 'fast-check';
import { guidKindArb, type GuidKind } from '../../arbitraries/guid.ts';
import type { BodyKind } from '../abstract-model.ts';
import type { Cast } from '../cast.ts';
import type { ModelCommand } from './model-command.ts';
import { Poll } from './poll.ts';
import { Qc } from './qc.ts';
import { SignIn } from './sign-in.ts';
import { SignOut } from './sign-out.ts';
import { StateChange } from './state-change.ts';
import { Status } from './status.ts';

/** What the commands may do on this gateway. */
export interface CommandOptions {
  /** Valid IDs that are no account (the mock only: on a live gateway they may be someone's). */
  readonly unknownIds: readonly string[];
  /** Sign in with a wrong password (the mock only: a live gateway may lock the account). */
  readonly wrongPasswords: boolean;
  /** Poll only when the answer is due at once (a live gateway holds a poll of an empty queue ~10 s). */
  readonly pollOnlyWhenDue: boolean;
}

const ids = (accounts: readonly { readonly id: string }[]) => accounts.map((a) => a.id);

function pick(values: readonly string[]): fc.Arbitrary<string> | undefined {
  return values.length ? fc.constantFrom(...values) : undefined;
}

function weighted<T>(entries: readonly (readonly [number, fc.Arbitrary<T> | undefined])[]): fc.Arbitrary<T> {
  const present = entries.filter((e): e is readonly [number, fc.Arbitrary<T>] => e[1] !== undefined);
  return fc.oneof(...present.map(([weight, arbitrary]) => ({ weight, arbitrary })));
}

/** The command arbitraries (one weighted arbitrary) for `cast`. */
export function modelCommandArbs(cast: Cast, options: CommandOptions): fc.Arbitrary<ModelCommand>[] {
  const everyone = ids(cast.all);
  const inspectors = ids(cast.inspectors);
  const others = [...ids(cast.agents), ...ids(cast.otherVdn)];
  const actor = weighted<string>([
    [4, pick(inspectors)],
    [1, pick(others)],
  ]);
  const anyone = weighted<string>([
    [8, pick(everyone)],
    [1, pick(options.unknownIds)],
  ]);
  const target = weighted<string>([
    [4, pick(ids(cast.agents))],
    [1, pick(inspectors)],
    [1, pick(ids(cast.otherVdn))],
    [1, pick(options.unknownIds)],
  ]);
  const guid: fc.Arbitrary<GuidKind> = guidKindArb(0.12);
  const body = weighted<BodyKind>([
    [12, fc.constant('valid')],
    [1, fc.constant('missing-password')],
    [1, fc.constant('wrong-phone')],
    [1, options.wrongPasswords ? fc.constant('wrong-password') : undefined],
  ]);
  const status = weighted<3 | 4 | 5>([
    [6, fc.constant(4)],
    [1, fc.constantFrom(3, 5)],
  ]);
  const offHook = weighted<boolean>([
    [4, fc.constant(false)],
    [1, fc.constant(true)],
  ]);
  const reason = weighted<number | string | undefined>([
    [3, fc.constant(undefined)],
    [2, fc.integer({ min: 200, max: 250 })],
    [1, fc.constantFrom<number | string>(0, 199, 251, 7, -1, 'abc')],
  ]);
  const command = weighted<ModelCommand>([
    [6, fc.tuple(anyone, body, status, offHook).map(([id, b, st, oh]) => new SignIn(id, b, st, oh))],
    [1, fc.tuple(anyone, body, status, offHook).map(([id, b, st, oh]) => new SignIn(id, b, st, oh, true))],
    [3, fc.tuple(anyone, guid).map(([id, g]) => new StateChange(id, 'idle', g))],
    [1, fc.tuple(anyone, guid, reason).map(([id, g, r]) => new StateChange(id, 'busy', g, r))],
    [6, fc.tuple(actor, target, guid).map(([i, t, g]) => new Qc('addInsert', i, t, g))],
    [1, fc.tuple(actor, target, guid).map(([i, t, g]) => new Qc('cancelInsert', i, t, g))],
    [4, fc.tuple(actor, target, guid).map(([i, t, g]) => new Qc('cancelInsert', i, t, g, true))],
    [3, fc.tuple(anyone, guid).map(([id, g]) => new Poll(id, g, options.pollOnlyWhenDue))],
    [2, fc.tuple(anyone, guid).map(([id, g]) => new Status(id, g))],
    [1, fc.tuple(anyone, guid).map(([id, g]) => new SignOut(id, false, g))],
    [1, fc.tuple(anyone, guid).map(([id, g]) => new SignOut(id, true, g))],
  ]);
  return [command];
}
