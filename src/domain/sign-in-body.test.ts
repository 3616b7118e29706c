import { describe, expect, it } from 'vitest';
import { checkSignInBody } from './sign-in-body.ts';

const BASE = { password: 'pw', phonenum: '88830170' };

describe('a sign-in body the gateway refuses: the field, the retcode and why', () => {
  it.each([
    ['not an object', null, '(body)', '100-001', 'must be a JSON object with password and phonenum'],
    ['an array', [BASE], '(body)', '100-001', 'must be a JSON object with password and phonenum'],
    ['a string', 'pw', '(body)', '100-001', 'must be a JSON object with password and phonenum'],
    ['no password', { phonenum: '1' }, 'password', '100-001', 'is missing'],
    ['a null password', { ...BASE, password: null }, 'password', '100-001', 'is missing'],
    ['no phonenum', { password: 'pw' }, 'phonenum', '100-001', 'is missing or empty'],
    ['a null phonenum', { ...BASE, phonenum: null }, 'phonenum', '100-001', 'is missing or empty'],
    ['an empty phonenum', { ...BASE, phonenum: '' }, 'phonenum', '100-001', 'is missing or empty'],
    ['a 33-character password', { ...BASE, password: 'p'.repeat(33) }, 'password', '100-011', 'must be a string of at most 32 characters'],
    ['a numeric password', { ...BASE, password: 1234 }, 'password', '100-011', 'must be a string of at most 32 characters'],
    ['a 25-digit phonenum', { ...BASE, phonenum: '8'.repeat(25) }, 'phonenum', '100-011', 'must be a string of at most 24 characters'],
    ['a numeric phonenum', { ...BASE, phonenum: 888 }, 'phonenum', '100-011', 'must be a string of at most 24 characters'],
    ['releasephone "yes"', { ...BASE, releasephone: 'yes' }, 'releasephone', '100-011', 'must be true or false (or "true"/"false")'],
    ['autoanswer 1', { ...BASE, autoanswer: 1 }, 'autoanswer', '100-011', 'must be true or false (or "true"/"false")'],
    ['a numeric entryIp', { ...BASE, entryIp: 1 }, 'entryIp', '100-011', 'must be a string'],
    ['status 7', { ...BASE, status: 7 }, 'status', '100-011', 'must be 3 (busy), 4 (idle) or 5 (wrap-up), as a number or its string'],
    ['agenttype 5', { ...BASE, agenttype: 5 }, 'agenttype', '100-012', 'must be 4 (PC + phone) or 11 (PC + phone video), as a number or its string'],
    ['ip "localhost"', { ...BASE, ip: 'localhost' }, 'ip', '100-016', 'must be an IPv4 address'],
    ['a numeric ip', { ...BASE, ip: 127 }, 'ip', '100-016', 'must be an IPv4 address'],
    ['an ip in an array', { ...BASE, ip: ['10.0.0.1'] }, 'ip', '100-016', 'must be an IPv4 address'],
  ])('%s', (_, body, field, retcode, reason) => {
    expect(checkSignInBody(body)).toEqual({ ok: false, field, retcode, reason });
  });
});

describe('a sign-in body the gateway takes', () => {
  it('fills every absent or null field with its default', () => {
    const expected = { ok: true, body: { ...BASE, autoanswer: true, autoenteridle: true, releasephone: true, agenttype: 4, status: 4, ip: '127.0.0.1' } };
    expect(checkSignInBody(BASE)).toEqual(expected);
    expect(checkSignInBody({ ...BASE, autoanswer: null, releasephone: null, agenttype: null, status: null, ip: null, entryIp: null })).toEqual(expected);
  });

  it('takes an empty password (the profile decides what it answers) and strings for the string fields', () => {
    expect(checkSignInBody({ ...BASE, password: '', entryIp: '1.2.3.4', callBackUri: 'x', serviceToken: 't' })).toMatchObject({ ok: true, body: { password: '' } });
  });

  it('reads booleans given as text and numbers given as strings', () => {
    const check = checkSignInBody({ ...BASE, autoanswer: 'False', autoenteridle: 'TRUE', releasephone: false, agenttype: '11', status: '3', ip: '10.0.0.1' });
    expect(check).toEqual({ ok: true, body: { ...BASE, autoanswer: false, autoenteridle: true, releasephone: false, agenttype: 11, status: 3, ip: '10.0.0.1' } });
  });
});
