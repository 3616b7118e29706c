import { describe, expect, it } from 'vitest';
import { guidFromSetGuid } from './set-guid.ts';

const FIRST = '279fe21d-2caa-4437-84c3-ab9e9dae20f5.AgentGateway0';
const ROTATED = '3a1c0f4e-9b7d-4e2a-8c55-0d6f1e2b7a90.AgentGateway0';

describe('guidFromSetGuid (the Node client and the k6 library read Set-GUID with it)', () => {
  it('takes the part after JSESSIONID=, drops attributes, and lets the last header win', () => {
    expect(guidFromSetGuid(`JSESSIONID=${FIRST}`)).toBe(FIRST);
    expect(guidFromSetGuid(` JSESSIONID=${FIRST}; Path=/`)).toBe(FIRST);
    expect(guidFromSetGuid([`JSESSIONID=${FIRST}`, `JSESSIONID=${ROTATED}`])).toBe(ROTATED);
    expect(guidFromSetGuid(FIRST)).toBe(FIRST);
  });

  it('finds no Guid in an absent or empty header', () => {
    expect(guidFromSetGuid(undefined)).toBeUndefined();
    expect(guidFromSetGuid('JSESSIONID=')).toBeUndefined();
    expect(guidFromSetGuid('JSESSIONID=; Path=/')).toBeUndefined();
    expect(guidFromSetGuid([])).toBeUndefined();
  });
});
