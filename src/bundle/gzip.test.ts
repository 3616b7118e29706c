import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GZIP_HEADER, gzipDeterministic } from './gzip.ts';

const data = Buffer.from('ccgw '.repeat(10_000));

describe('gzipDeterministic', () => {
  it('starts with the fixed header: deflate, no flags, mtime 0, XFL 2, OS 3 (Unix)', () => {
    expect(gzipDeterministic(data).subarray(0, 10).toString('hex')).toBe('1f8b0800000000000203');
    expect(GZIP_HEADER.toString('hex')).toBe('1f8b0800000000000203');
  });

  it('gives the same bytes for the same input', () => {
    expect(gzipDeterministic(data).equals(gzipDeterministic(Buffer.from(data)))).toBe(true);
  });

  it('decompresses to the input', () => {
    expect(gunzipSync(gzipDeterministic(data)).equals(data)).toBe(true);
  });
});
