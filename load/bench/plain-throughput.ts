/**
 * The baseline of the k6 library benchmark (`BENCH_ONLY=k6 npm run bench`): the calls of one throughput iteration
 * (`load/scenarios/throughput.ts` with `CCGW_POLL_PAUSE_MS=0`) sent with `k6/http` alone — no validation, no custom
 * metric, no check, no event bookkeeping. What k6 itself sends on this machine; the bench divides the harness's
 * calls/s by this script's.
 *
 * Per iteration, as the harness's `bargeAndCancel`: addinsert; polls of the inspector and the target in parallel
 * rounds (`http.batch`; a lone poll alone) until each has had one poll per event the contract lists for it after
 * addinsert; cancel; the same for the events of cancel. The event counts come from the generated contract table, as
 * the harness's do.
 * VU n owns the demo pair (30100 + n, 30200 + n), signs it in on its first iteration (forcelogin) and takes every
 * `Set-GUID`. It leaves the pairs signed in: the harness's next run resets the mock, and forcelogin takes over.
 * Every request carries the cookie the gateway set at sign-in, as the harness's (and the sample clients') do: k6
 * empties a VU's cookie jar at each iteration unless told not to, and the calls would then differ from the harness's.
 */
import exec from 'k6/execution';
import http, { type RefinedResponse } from 'k6/http';
import { operations } from '../../src/generated/contract.ts';

const BASE = (__ENV['BASE_URL'] ?? 'http://127.0.0.1:8000').replace(/\/$/, '');

function eventCount(op: keyof typeof operations, to: string): number {
  return (operations[op].events as readonly { to: string; when?: string }[]).filter((e) => e.to === to && !(e.when ?? '').startsWith('status ')).length;
}

const AFTER_BARGE = [eventCount('addInsert', 'inspector'), eventCount('addInsert', 'target')];
const AFTER_CANCEL = [eventCount('cancelInsert', 'inspector'), eventCount('cancelInsert', 'target')];
const SIGN_IN = eventCount('forceLogin', 'self');

const url = (op: keyof typeof operations, agentid: string, workNo = ''): string =>
  BASE + operations[op].path.replace('{agentid}', agentid).replace('{workNo}', workNo);

const guids: Record<string, string> = {};

function params(id: string) {
  return { headers: { 'Content-Type': 'application/json; charset=UTF-8', Guid: guids[id] ?? '' } };
}

function take(id: string, res: RefinedResponse<'text'>): void {
  const set = res.headers['Set-Guid'];
  if (set) guids[id] = set.slice(set.indexOf('=') + 1);
}

function poll(id: string) {
  return { method: 'GET', url: url('getAgentEvent', id), params: params(id) };
}

/** Polls each id `times[i]` times, in parallel rounds (a round of one id sends a lone request, as the harness does). */
function pollRounds(ids: readonly string[], times: readonly number[]): void {
  const left = [...times];
  for (let round = 0; round < 100; round++) {
    const due = ids.filter((_, i) => left[i]! > 0);
    if (due.length === 0) return;
    const responses = due.length === 1 ? [http.get(url('getAgentEvent', due[0]!), params(due[0]!)) as RefinedResponse<'text'>] : (http.batch(due.map(poll)) as unknown as RefinedResponse<'text'>[]);
    due.forEach((id, k) => {
      take(id, responses[k]!);
      left[ids.indexOf(id)]!--;
    });
  }
}

const pairOf = (vu: number) => ({ inspector: String(30100 + vu), agent: String(30200 + vu) });

export const options = { noCookiesReset: true };

let signedIn = false;

export default function (): void {
  const { inspector, agent } = pairOf(exec.vu.idInTest);
  if (!signedIn) {
    const body = JSON.stringify({ password: 'demo', phonenum: '', status: 4, releasephone: true, autoanswer: true, autoenteridle: true, agenttype: 4 });
    const ids = [inspector, agent];
    const answers = http.batch(ids.map((id) => ({ method: 'PUT', url: url('forceLogin', id), body: body.replace('"phonenum":""', `"phonenum":"888${id}"`), params: params(id) }))) as unknown as RefinedResponse<'text'>[];
    ids.forEach((id, i) => take(id, answers[i]!));
    pollRounds(ids, [SIGN_IN, SIGN_IN]);
    signedIn = true;
  }
  http.put(url('addInsert', inspector, agent), null, params(inspector));
  pollRounds([inspector, agent], AFTER_BARGE);
  http.del(url('cancelInsert', inspector, agent), null, params(inspector));
  pollRounds([inspector, agent], AFTER_CANCEL);
}
