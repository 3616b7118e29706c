import { describe, expect, it } from 'vitest';
import { PlainEnvelopes } from './reply.ts';

describe('PlainEnvelopes (the plain answers of one mock)', () => {
  it('makes the envelope of a retcode once, frozen, with its JSON text', () => {
    const envelopes = new PlainEnvelopes();
    const ok = envelopes.of('0');
    expect(ok.json).toEqual({ message: '', retcode: '0', result: {} });
    expect(ok.text).toBe('{"message":"","retcode":"0","result":{}}');
    expect(Object.isFrozen(ok.json) && Object.isFrozen(ok.json.result)).toBe(true);
    expect(envelopes.of('0')).toBe(ok);
    expect(envelopes.of('100-006').json.retcode).toBe('100-006');
  });

  it('is per mock: two mocks share no envelope', () => {
    expect(new PlainEnvelopes().of('0')).not.toBe(new PlainEnvelopes().of('0'));
  });
});
