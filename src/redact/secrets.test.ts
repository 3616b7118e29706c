import { describe, expect, it } from 'vitest';
import { isSecretKey, redactSecretFields, scrubLiterals, secretValues } from './secrets.ts';

describe('secrets', () => {
  it.each(['password', 'Password', 'newPassword', 'service_token', 'serviceToken', 'Cookie', 'Authorization', 'apiKey', 'pwd'])('treats %s as a secret key', (k) => {
    expect(isSecretKey(k)).toBe(true);
  });

  it.each(['phonenum', 'retcode', 'workNo', 'guid', 'message'])('treats %s as an ordinary key', (k) => {
    expect(isSecretKey(k)).toBe(false);
  });

  it('redacts secret fields at any depth and collects their values, longest first', () => {
    const body = { password: 'pw-1', nested: [{ serviceToken: 'token-12345' }], phonenum: '8888' };
    expect(redactSecretFields(body)).toEqual({ password: '***', nested: [{ serviceToken: '***' }], phonenum: '8888' });
    expect(secretValues(body)).toEqual(['token-12345', 'pw-1']);
  });

  it('scrubs literal secrets, also JSON-escaped, but not ones too short to be real', () => {
    expect(scrubLiterals(`a"bcd and ${JSON.stringify('a"bcd')}`, ['a"bcd'])).toBe('*** and "***"');
    expect(scrubLiterals('retcode 0', ['0'])).toBe('retcode 0');
  });
});
