import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureSchemathesis, parseSchemathesisVersion, SCHEMATHESIS_VERSION, SchemathesisToolError } from './ensure-schemathesis.ts';

describe('ensureSchemathesis', () => {
  it('reads the version Schemathesis prints', () => {
    expect(parseSchemathesisVersion('schemathesis, version 4.32.5\n')).toBe('4.32.5');
    expect(parseSchemathesisVersion('nothing')).toBeUndefined();
  });

  it('says Python is missing, naming the fix, when no Python runs (the case in which the fuzz test skips)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ccgw-st-'));
    const error = await ensureSchemathesis({ root, env: { ...process.env, CCGW_PYTHON: join(root, 'no-such-python') }, log: () => {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemathesisToolError);
    expect((error as SchemathesisToolError).reason).toBe('no-python');
    expect((error as Error).message).toContain('install Python 3.11 or later');
    expect(SCHEMATHESIS_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
