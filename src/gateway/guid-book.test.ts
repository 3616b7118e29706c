import { describe, expect, it } from 'vitest';
import { bareGuid, GuidBook } from './guid-book.ts';

describe('GuidBook', () => {
  it('issues Guids in the documented format and checks them per agent', () => {
    const book = new GuidBook({ mode: 'static', intervalMs: 60_000, timeoutMs: 120_000 });
    const g = book.issue('30101', 0);
    expect(g).toMatch(/^[0-9a-f-]{36}\.AgentGateway0$/);
    expect(book.check('30101', g, 10)).toBe('valid');
    expect(book.check('30102', g, 10)).toBe('mismatch');
    expect(book.check('30101', undefined, 10)).toBe('missing');
    expect(book.check('30101', '', 10)).toBe('missing');
  });

  it('revokes the old Guid when a new session starts', () => {
    const book = new GuidBook({ mode: 'static', intervalMs: 60_000, timeoutMs: 120_000 });
    const a = book.issue('30101', 0);
    const b = book.issue('30101', 1);
    expect(book.check('30101', a, 2)).toBe('mismatch');
    expect(book.check('30101', b, 2)).toBe('valid');
  });

  it('refuses an interval that is not shorter than the timeout (EN/cec_07_0005)', () => {
    expect(() => new GuidBook({ mode: 'dynamic', intervalMs: 120_000, timeoutMs: 120_000 })).toThrow('guid interval 120000 ms must be shorter than the guid timeout 120000 ms');
  });

  it('expires a dynamic Guid that was never rotated at its timeout', () => {
    const book = new GuidBook({ mode: 'dynamic', intervalMs: 60_000, timeoutMs: 120_000 });
    const g = book.issue('30101', 0);
    expect(book.check('30101', g, 119_999)).toBe('valid');
    expect(book.check('30101', g, 120_000)).toBe('mismatch');
  });

  it('takes the whole Set-GUID value (JSESSIONID=<guid>, any case) as the Guid it carries, and nothing else', () => {
    const book = new GuidBook({ mode: 'static', intervalMs: 60_000, timeoutMs: 120_000 });
    const g = book.issue('30101', 0);
    expect(book.check('30101', `JSESSIONID=${g}`, 1)).toBe('valid');
    expect(book.check('30101', `jsessionid=${g}`, 1)).toBe('valid');
    expect(book.check('30101', `JSESSIONID=${g}x`, 1)).toBe('mismatch');
    expect(book.check('30101', 'JSESSIONID=', 1)).toBe('mismatch');
    expect(bareGuid('JSESSIONIDX=1')).toBe('JSESSIONIDX=1');
  });

  it('renews a Guid on request in either mode: the new one is current, the previous one valid until its timeout', () => {
    const book = new GuidBook({ mode: 'static', intervalMs: 60_000, timeoutMs: 120_000 });
    const old = book.issue('30101', 0);
    const renewed = book.renew('30101', 1_000)!;
    expect(renewed).not.toBe(old);
    expect(book.current('30101')).toBe(renewed);
    expect(book.check('30101', old, 119_999)).toBe('valid');
    expect(book.check('30101', old, 120_000)).toBe('mismatch');
    expect(book.renew('30199', 1)).toBeUndefined();
  });
});
