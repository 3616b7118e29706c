import { describe, expect, it } from 'vitest';
import { findPasswords, isPlaceholder } from './password-scan.ts';

describe('isPlaceholder', () => {
  it.each(['', '********', '*', 'xxxxxx', '<password>', '${CCGW_PASSWORD}', '$CCGW_PASSWORD', '{{password}}', 'REDACTED', '[redacted]', 'placeholder'])(
    'accepts %j as a placeholder',
    (value) => expect(isPlaceholder(value)).toBe(true),
  );
  it.each(['Huawei@123', 'secret', '123456', '**x**', 'password1'])('takes %j for a real password', (value) => expect(isPlaceholder(value)).toBe(false));
});

describe('findPasswords', () => {
  it('finds a real password in a JSON body and names its path', () => {
    expect(findPasswords({ request: { body: { content: { password: 'Huawei@123', phonenum: '88880001' } } } })).toEqual(['$.request.body.content.password']);
  });

  it('finds nothing when every password field holds a placeholder', () => {
    expect(findPasswords({ a: { password: '********' }, b: { agentPassword: '${PW}' }, c: [{ pwd: '' }] })).toEqual([]);
  });

  it('looks at every key that names a password: passwd, pwd, newPassword', () => {
    expect(findPasswords({ passwd: 'a1', pwd: 'b2', newPassword: 'c3' })).toEqual(['$.passwd', '$.pwd', '$.newPassword']);
  });

  it('ignores booleans, numbers and nulls under a password key, and schema objects', () => {
    expect(findPasswords({ passwordExpired: true, password: { type: 'string', description: 'The agent password. Never logged.' }, pwd: null })).toEqual([]);
  });

  it('finds a password among query values (Pact V4 query arrays)', () => {
    expect(findPasswords({ query: { password: ['s3cret'] } })).toEqual(['$.query.password[0]']);
  });

  it('finds a password=value pair in a path or a form body, not password prose', () => {
    expect(findPasswords({ path: '/login?user=1&password=s3cret' })).toEqual(['$.path (password=)']);
    expect(findPasswords({ body: 'user=1&password=%2A%2A%2A' })).toEqual([]);
    expect(findPasswords({ description: 'a sign-in with a wrong password: 100-004' })).toEqual([]);
  });

  it('looks inside strings that hold JSON and inside base64-encoded Pact bodies', () => {
    expect(findPasswords({ body: '{"password":"s3cret"}' })).toEqual(['$.body (JSON).password']);
    const encoded = Buffer.from(JSON.stringify({ password: 's3cret' })).toString('base64');
    expect(findPasswords({ body: { content: encoded, encoded: 'base64' } })).toEqual(['$.body.content (base64).password']);
  });

  it('finds the password of an Authorization: Basic header', () => {
    const basic = `Basic ${Buffer.from('30169:s3cret').toString('base64')}`;
    expect(findPasswords({ headers: { Authorization: [basic] } })).toEqual(['$.headers.Authorization[0] (Basic)']);
    expect(findPasswords({ headers: { Authorization: [`Basic ${Buffer.from('30169:********').toString('base64')}`] } })).toEqual([]);
  });

  it('never returns the value itself', () => {
    expect(JSON.stringify(findPasswords({ x: { password: 'Huawei@123' } }))).not.toContain('Huawei@123');
  });
});
