import { describe, expect, it } from 'vitest';
import { GuidBook } from './guid-book.ts';

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
});
