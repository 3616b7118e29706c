import { describe, expect, it } from 'vitest';
import { catalogueEntry, describeRetcode, documentedRetcodesOf, isListedFor, OPERATION_IDS, retcodesOf, retcodeStatus } from './retcodes.ts';

describe('retcode catalogue', () => {
  it('lists for addInsert exactly the error codes of the interface document as documented', () => {
    expect(documentedRetcodesOf('addInsert').sort()).toEqual(['0', '100-006', '900-001', '900-002', '900-003', '900-005']);
  });

  it('marks self-target for addInsert as named by the general table only', () => {
    expect(retcodeStatus('addInsert', '000-005')).toBe('general');
  });

  it('knows the meaning of every code any operation lists', () => {
    for (const op of OPERATION_IDS) for (const r of retcodesOf(op)) expect(catalogueEntry(r.code), `${op} ${r.code}`).toBeDefined();
  });

  it('lists a code only for the operations whose documents name it', () => {
    expect(isListedFor('addInsert', '900-005')).toBe(true);
    expect(isListedFor('addInsert', '100-013')).toBe(false);
    expect(retcodeStatus('addInsert', '100-013')).toBeUndefined();
  });

  it('says so when a code is unknown', () => {
    expect(describeRetcode('123-456')).toBe('retcode "123-456" is not in the catalogue of known codes');
  });
});
