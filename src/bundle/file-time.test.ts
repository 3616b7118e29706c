import { describe, expect, it } from 'vitest';
import { BundleError } from './errors.ts';
import { archiveFileTime } from './file-time.ts';

const git = { commit: 'a'.repeat(40), commitTime: 1795598274, clean: true };

describe('archiveFileTime', () => {
  it('takes SOURCE_DATE_EPOCH first', () => {
    expect(archiveFileTime({ SOURCE_DATE_EPOCH: '1700000000' }, git)).toEqual({ seconds: 1700000000, from: 'SOURCE_DATE_EPOCH' });
  });

  it('takes the commit time of HEAD without SOURCE_DATE_EPOCH', () => {
    expect(archiveFileTime({}, git)).toEqual({ seconds: 1795598274, from: 'git commit time' });
    expect(archiveFileTime({ SOURCE_DATE_EPOCH: '' }, git)).toEqual({ seconds: 1795598274, from: 'git commit time' });
  });

  it('falls back to 0 outside a git checkout', () => {
    expect(archiveFileTime({}, undefined)).toEqual({ seconds: 0, from: 'none' });
  });

  it.each(['yesterday', '-1', '1.5', String(8 ** 11)])('refuses SOURCE_DATE_EPOCH=%j, naming it', (raw) => {
    expect(() => archiveFileTime({ SOURCE_DATE_EPOCH: raw }, git)).toThrow(BundleError);
    expect(() => archiveFileTime({ SOURCE_DATE_EPOCH: raw }, git)).toThrow(`SOURCE_DATE_EPOCH ${JSON.stringify(raw)}`);
  });
});
