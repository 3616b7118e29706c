import { describe, expect, it } from 'vitest';
import type { AgentEvent } from '../domain/events.ts';
import { EventQueues } from './event-queues.ts';

const ev = (n: number): AgentEvent => ({ eventType: 'AgentState_Ready', workNo: String(n), content: null });

describe('EventQueues', () => {
  it('delivers events oldest first', async () => {
    const q = new EventQueues({ capacity: 10 });
    q.push('a', ev(1));
    q.push('a', ev(2));
    expect(await q.take('a', 1000).outcome).toEqual({ kind: 'event', event: ev(1) });
    expect(await q.take('a', 1000).outcome).toEqual({ kind: 'event', event: ev(2) });
  });

  it('hands an event straight to a waiting poll', async () => {
    const q = new EventQueues({ capacity: 10 });
    const waiting = q.take('a', 60_000).outcome;
    q.push('a', ev(1));
    expect(await waiting).toEqual({ kind: 'event', event: ev(1) });
    expect(q.queued('a')).toBe(0);
  });

  it('skips a waiting poll whose caller has gone and queues the event instead', async () => {
    const q = new EventQueues({ capacity: 10 });
    const waiting = q.take('a', 60_000, () => true).outcome;
    q.push('a', ev(1));
    expect(await waiting).toEqual({ kind: 'closed' });
    expect(q.queued('a')).toBe(1);
  });

  it('times out with no event', async () => {
    const q = new EventQueues({ capacity: 10 });
    expect(await q.take('a', 5).outcome).toEqual({ kind: 'timeout' });
  });

  it('drops the oldest event when full, and counts it', () => {
    const q = new EventQueues({ capacity: 2 });
    [1, 2, 3].forEach((n) => q.push('a', ev(n)));
    expect(q.queued('a')).toBe(2);
    expect(q.dropped).toBe(1);
  });

  it('queues one object per repeated event value, and keeps distinct values apart', async () => {
    const q = new EventQueues({ capacity: 100 });
    const beQc = (inspector: number): AgentEvent => ({ eventType: 'AgentOther_BeQcStart', workNo: '30201', content: { qcType: 9, qcAgentId: inspector } });
    const pushed = [beQc(30101), ev(1), beQc(30101), beQc(30102), ev(1), { ...ev(1), eventGenTime: 5 }];
    for (const e of pushed) q.push('a', e);
    const taken: AgentEvent[] = [];
    for (let i = 0; i < pushed.length; i++) {
      const outcome = await q.take('a', 1000).outcome;
      if (outcome.kind === 'event') taken.push(outcome.event);
    }
    expect(taken).toEqual(pushed);
    expect(taken[2]).toBe(taken[0]);
    expect(taken[4]).toBe(taken[1]);
    expect(taken[3]).not.toBe(taken[0]);
    expect(taken[5]).not.toBe(taken[1]);
  });

  it('closes: waiting polls learn the session ended, queued events go', async () => {
    const q = new EventQueues({ capacity: 10 });
    const waiting = q.take('a', 60_000).outcome;
    q.close('a');
    expect(await waiting).toEqual({ kind: 'closed' });
  });
});
