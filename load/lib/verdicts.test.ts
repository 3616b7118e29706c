import { describe, expect, it } from 'vitest';
import { VerdictCache, judgeBody } from './verdicts.ts';

const BARGED = '{"message":"","retcode":"0","result":{}}';
const EVENT = '{"message":"","retcode":"0","event":{"eventType":"AgentState_Busy","workNo":"30101","content":null}}';

describe('answer verdicts', () => {
  it('keeps a body that is a JSON object of the schema with a listed retcode', () => {
    expect(judgeBody('addInsert', BARGED, true)).toEqual({
      kind: 'ok',
      body: { message: '', retcode: '0', result: {} },
      retcode: '0',
      problem: undefined,
      tags: { op: 'addInsert', retcode: '0', status: '200' },
    });
    expect(judgeBody('getAgentEvent', EVENT, true).kind).toBe('ok');
  });

  it('names what breaks the contract: not JSON, not an object, the schema (with the path), an unlisted retcode', () => {
    expect(judgeBody('addInsert', '<html>', true)).toMatchObject({ kind: 'not-json', problem: 'the body is not JSON' });
    expect(judgeBody('addInsert', '[1]', true)).toMatchObject({ kind: 'not-json', problem: 'the body is not a JSON object' });
    expect(judgeBody('getAgentEvent', EVENT.replace('"content":null', '"content":{"qcType":9}'), true)).toMatchObject({
      kind: 'schema',
      problem: expect.stringMatching(/^the answer fails the getAgentEvent schema at \/event\/content/),
    });
    expect(judgeBody('addInsert', '{"message":"","retcode":"100-002","result":{}}', true)).toMatchObject({ kind: 'schema', retcode: '100-002' });
    expect(judgeBody('addInsert', '{"message":"","retcode":"100-002","result":{}}', false)).toMatchObject({ kind: 'unlisted', problem: 'retcode "100-002" is not listed for addInsert' });
  });

  it('tags each verdict for its contract sample: the operation, the retcode (none without one), status 200', () => {
    expect(judgeBody('cancelInsert', '{"message":"","retcode":"900-004","result":{}}', true).tags).toEqual({ op: 'cancelInsert', retcode: '900-004', status: '200' });
    expect(judgeBody('addInsert', '<html>', true).tags).toEqual({ op: 'addInsert', retcode: 'none', status: '200' });
  });

  it('without validation still checks JSON and the retcode listing, not the schema', () => {
    expect(judgeBody('addInsert', '{"retcode":"0"}', false).kind).toBe('ok');
    expect(judgeBody('addInsert', '{"retcode":"0"}', true).kind).toBe('schema');
  });

  it('gives an identical text the identical verdict from the cache, per operation', () => {
    const cache = new VerdictCache(true);
    const first = cache.forOp('addInsert').judge(BARGED);
    expect(cache.forOp('addInsert').judge(BARGED)).toBe(first);
    expect(cache.hits).toBe(1);
    expect(cache.forOp('cancelInsert').judge(BARGED)).not.toBe(first);
    expect(cache.hits).toBe(1);
    expect(cache.forOp('addInsert')).toBe(cache.forOp('addInsert'));
    expect(cache.forOp('addInsert').judge(BARGED)).toBe(first);
    expect(cache.hits).toBe(2);
  });

  it('starts again empty when full, and judges the same as before', () => {
    const cache = new VerdictCache(true, 2);
    const a = cache.forOp('addInsert').judge(BARGED);
    cache.forOp('getAgentEvent').judge(EVENT);
    cache.forOp('addInsert').judge('{"retcode":"0"}');
    const again = cache.forOp('addInsert').judge(BARGED);
    expect(again).not.toBe(a);
    expect(again).toEqual(a);
    expect(cache.hits).toBe(0);
  });

  it('still validates a new text after a long run of cache hits has released the validators', () => {
    const cache = new VerdictCache(true);
    cache.forOp('addInsert').judge(BARGED);
    for (let i = 0; i < 1500; i++) cache.forOp('addInsert').judge(BARGED);
    expect(cache.forOp('addInsert').judge('{"message":"","retcode":"100-002","result":{}}')).toMatchObject({ kind: 'schema', problem: expect.stringMatching(/at \/retcode/) });
    expect(cache.forOp('getAgentEvent').judge(EVENT).kind).toBe('ok');
  });
});
