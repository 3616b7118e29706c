/**
 * Calls for several sessions at once, in parallel (`http.batch`): signing them in, keeping them alive (2 min
 * without a poll signs an agent out) and draining the events the caller knows are queued.
 */
import { sleep } from 'k6';
import type { CallResult } from './answer.ts';
import type { GatewayClient, Prepared } from './client.ts';
import type { GatewaySession } from './session.ts';

/** Signs sessions in, in one parallel batch; with `force`, takes over their sessions (forcelogin). Answers in order. */
export function signInAll(client: GatewayClient, sessions: readonly GatewaySession[], force = false): CallResult[] {
  const results = client.sendBatch(sessions.map((s) => s.prepareSignIn(force)));
  return results.map((r, i) => sessions[i]!.afterSignIn(r));
}

/**
 * Polls every session that is due (no poll for `keepAliveMs`) in one batch, so sessions stay signed in and pick up
 * rotated Guids. Events go to each session's inbox.
 */
export function keepAlive(client: GatewayClient, sessions: readonly GatewaySession[], keepAliveMs: number): void {
  const now = Date.now();
  let any = false;
  for (let i = 0; i < sessions.length; i++) any ||= sessions[i]!.signedIn && now - sessions[i]!.lastPollAt >= keepAliveMs;
  if (!any) return;
  const due = sessions.filter((s) => s.signedIn && now - s.lastPollAt >= keepAliveMs);
  const results = client.sendBatch(due.map((s) => s.preparePoll()));
  results.forEach((r, i) => due[i]!.afterPoll(r));
}

/**
 * Polls each session `times[i]` times at most, stopping early for a session once a poll brings no event: drains
 * queued events (e.g. the target's AgentOther_BeQcStart/BeQcStop) without waiting on an empty long poll more than
 * once. Pauses `pollPauseMs` between rounds, as the documents advise.
 */
export function drain(client: GatewayClient, sessions: readonly GatewaySession[], times: readonly number[], pollPauseMs: number): void {
  const left: number[] = [];
  for (let i = 0; i < sessions.length; i++) left.push(times[i] ?? 0);
  const due: number[] = [];
  const polls: Prepared[] = [];
  for (let round = 0; round < 1000; round++) {
    due.length = 0;
    polls.length = 0;
    for (let i = 0; i < sessions.length; i++) {
      if (sessions[i]!.signedIn && left[i]! > 0) {
        due.push(i);
        polls.push(sessions[i]!.preparePoll());
      }
    }
    if (due.length === 0) return;
    const results = client.sendBatch(polls);
    for (let k = 0; k < due.length; k++) {
      const i = due[k]!;
      left[i] = sessions[i]!.afterPoll(results[k]!).event === null ? 0 : left[i]! - 1;
    }
    if (pollPauseMs > 0) sleep(pollPauseMs / 1000);
  }
}
