import { describe, expect, it } from 'vitest';
import { isSecretKey, redactSummary, redactText, redactValue } from './redact.ts';
import { SAMPLE_GUID_UUID, SAMPLE_PASSWORD, SAMPLE_RULES_PASSWORD, sampleRulesRun, sampleRun } from './testing/sample-runs.ts';

describe('redactValue', () => {
  it('replaces password, token, cookie and authorization fields at any depth', () => {
    const body = { password: 'pw1', nested: [{ serviceToken: 'tok', Cookie: 'JSESSIONID=1', authorization: 'Bearer x' }], phonenum: '88830169' };
    expect(redactValue(body)).toEqual({ password: '***', nested: [{ serviceToken: '***', Cookie: '***', authorization: '***' }], phonenum: '88830169' });
  });

  it('keeps the gateway node of a Guid and hides the session part', () => {
    expect(redactValue({ Guid: `${SAMPLE_GUID_UUID}.AgentGateway1` })).toEqual({ Guid: '***.AgentGateway1' });
    expect(redactValue({ guid: 'opaque-session' })).toEqual({ guid: '***' });
  });

  it('leaves numbers, outcomes and ordinary fields alone', () => {
    const v = { passed: 3, retcode: '900-005', bypass: 'x', durationMs: 4.5, ok: true, none: null };
    expect(redactValue(v)).toEqual(v);
  });

  it('does not change its input', () => {
    const body = { password: 'pw1' };
    redactValue(body);
    expect(body.password).toBe('pw1');
  });
});

describe('redactText', () => {
  it('redacts passwords inside JSON text, escaped JSON, query strings and URLs', () => {
    expect(redactText('{"password":"a\\"b","x":1}')).toBe('{"password":"***","x":1}');
    expect(redactText('"{\\"password\\":\\"abc\\"}"')).toBe('"{\\"password\\":\\"***\\"}"');
    expect(redactText('/login?user=1&password=abc&x=2')).toBe('/login?user=1&password=***&x=2');
    expect(redactText('https://qa:pw@gw:8043/x')).toBe('https://qa:***@gw:8043/x');
    expect(redactText("password: 'abc def'")).toBe('password: ***');
    expect(redactText('Authorization: Bearer abc.def')).toBe('Authorization: ***');
  });

  it('redacts Guids in free text and given secrets wherever they appear', () => {
    expect(redactText(`Guid ${SAMPLE_GUID_UUID}.AgentGateway1 expired`)).toBe('Guid ***.AgentGateway1 expired');
    expect(redactText(`message: wrong ${SAMPLE_PASSWORD}!`, { secrets: [SAMPLE_PASSWORD] })).toBe('message: wrong ***!');
  });

  it('ignores secrets too short to be told apart from ordinary text', () => {
    expect(redactText('a 0 b', { secrets: ['0'] })).toBe('a 0 b');
  });
});

describe('isSecretKey', () => {
  it('knows the secret field names of the gateway and of HTTP', () => {
    for (const k of ['password', 'newPassword', 'serviceToken', 'service_token', 'Set-Cookie', 'Authorization', 'x-api-key', 'pwd', 'client_secret']) expect(isSecretKey(k), k).toBe(true);
    for (const k of ['passed', 'phonenum', 'retcode', 'guid', 'workNo', 'bypass']) expect(isSecretKey(k), k).toBe(false);
  });
});

describe('redactSummary', () => {
  it('leaves no trace of the sample password or Guid and keeps every number', () => {
    const run = sampleRun();
    const safe = redactSummary(run);
    const text = JSON.stringify(safe);
    expect(text).not.toContain(SAMPLE_PASSWORD);
    expect(text).not.toContain(SAMPLE_GUID_UUID);
    expect(safe.phases[2]?.load).toEqual(run.phases[2]?.load);
    expect(safe.phases.map((p) => p.cases.map((c) => [c.id, c.outcome, c.observed]))).toEqual(run.phases.map((p) => p.cases.map((c) => [c.id, c.outcome, c.observed])));
  });

  it('redacts secrets in the rule coverage details and keeps the matrix otherwise unchanged', () => {
    const run = structuredClone(sampleRulesRun()) as any;
    const rows = run.phases[1].coverage;
    rows[0].detail = `expected http-404, got 200 after {"password":"${SAMPLE_PASSWORD}"} with Guid ${SAMPLE_GUID_UUID}.AgentGateway1`;
    rows[1].detail = 'skipped: the fixtures password for 30170 is s3cr3t-literal';
    const safe = redactSummary(run, { secrets: ['s3cr3t-literal'] });
    const text = JSON.stringify(safe.phases[1]?.coverage);
    for (const secret of [SAMPLE_PASSWORD, SAMPLE_GUID_UUID, SAMPLE_RULES_PASSWORD, 's3cr3t-literal']) expect(text).not.toContain(secret);
    expect(safe.phases[1]?.coverage?.[0]?.detail).toBe('expected http-404, got 200 after {"password":"***"} with Guid ***.AgentGateway1');
    expect(safe.phases[1]?.coverage?.find((r) => r.rule === 'signIn.wrongPassword')?.detail).toBe('expected retcode 100-004, got 0: the gateway signed in with password=***');
    const strip = (rs: any[]) => rs.map(({ detail: _d, ...rest }) => rest);
    expect(strip(safe.phases[1]!.coverage as any[])).toEqual(strip(rows));
  });
});

