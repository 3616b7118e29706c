/**
 * The check after a model-based run: does the gateway hold what the model holds? Against the mock, through its
 * admin API (`/__admin/snapshot`: who is signed in, status, barges, queued events; `/__admin/audit`: no invariant
 * broken). Against a live gateway, through public calls only (`agentstatus` of each account with its own Guid).
 */
import type { AdminClient } from '../../src/client/admin-client.ts';
import type { AbstractGateway } from './abstract-model.ts';
import type { Cast } from './cast.ts';
import { mismatch, type ModelReal } from './model-real.ts';

function state(model: AbstractGateway, id: string): string {
  const s = model.sessions.get(id);
  if (!s) return 'signed out';
  return `status ${model.reportedStatus(id)}, barging ${s.barging ?? 'nobody'}, barged by ${s.bargedBy ?? 'nobody'}`;
}

/**
 * Compares the mock's snapshot and audit with the model.
 * @throws ModelMismatchError ending in `end state: …`
 */
export async function checkEndStateByAdmin(model: AbstractGateway, real: ModelReal, admin: AdminClient, cast: Cast): Promise<void> {
  const snapshot = new Map((await admin.snapshot()).map((a) => [a.id, a]));
  const problems: string[] = [];
  for (const id of snapshot.keys()) if (!cast.all.some((a) => a.id === id)) problems.push(`agent ${id} is signed in although no call signed it in`);
  for (const { id } of cast.all) {
    const got = snapshot.get(id);
    const expected = model.sessions.get(id);
    if (!expected) {
      if (got) problems.push(`agent ${id} expected signed out got status ${got.status}`);
      continue;
    }
    if (!got) {
      problems.push(`agent ${id} expected ${state(model, id)} got signed out`);
      continue;
    }
    if (got.status !== model.reportedStatus(id) || got.barging !== expected.barging || got.bargedBy !== expected.bargedBy) {
      problems.push(`agent ${id} expected ${state(model, id)} got status ${got.status}, barging ${got.barging ?? 'nobody'}, barged by ${got.bargedBy ?? 'nobody'}`);
    }
    if (real.events === 'strict' && got.queued !== expected.events.length) {
      problems.push(`agent ${id} expected ${expected.events.length} queued event(s) (${expected.events.map((e) => e.type).join(', ') || 'none'}) got ${got.queued}`);
    }
  }
  const audit = await admin.audit();
  for (const v of audit.violations) problems.push(`audit: ${v.invariant}: ${v.detail}`);
  if (problems.length) throw mismatch(real, `; end state: ${problems.join('; ')}`);
}

/**
 * Reads each account's status with its own Guid (public calls only) and compares it with the model: a signed-in
 * agent answers 0 with the model's status; a signed-out one answers 100-006.
 * @throws ModelMismatchError ending in `end state: …`
 */
export async function checkEndStateByStatus(model: AbstractGateway, real: ModelReal, cast: Cast): Promise<void> {
  const problems: string[] = [];
  for (const { id } of cast.all) {
    if (real.driver.currentGuid(id) === undefined) {
      if (model.sessions.has(id)) problems.push(`agent ${id} expected ${state(model, id)} but the run holds no Guid for it`);
      continue;
    }
    const reply = await real.driver.call(id, 'agentStatus', (s) => s.agentStatus());
    if (!model.sessions.has(id)) {
      if (reply.retcode !== '100-006') problems.push(`agent ${id} expected signed out (agentstatus 100-006) got ${reply.retcode}`);
      continue;
    }
    if (!reply.ok) {
      problems.push(`agent ${id} expected ${state(model, id)} got agentstatus ${reply.retcode}`);
      continue;
    }
    const { agentState, isWorking } = reply.result;
    if (agentState !== model.reportedStatus(id) || isWorking !== model.inCall(id)) {
      problems.push(`agent ${id} expected ${state(model, id)} got status ${agentState}${isWorking ? ' in a call' : ''}`);
    }
  }
  if (problems.length) throw mismatch(real, `; end state: ${problems.join('; ')}`);
}
