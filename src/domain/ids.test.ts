import { describe, expect, it } from 'vitest';
import { checkAgentId, IDS_2024, IDS_2025, isValidAgentId } from './ids.ts';

describe('agent IDs', () => {
  it.each(['101', '999', '1000', '30169', '59999'])('accepts %s under the 2024 rule (101–59999)', (id) => {
    expect(checkAgentId(id, IDS_2024)).toEqual({ kind: 'ok', id });
  });

  it.each([
    ['', 'is empty'],
    ['0101', 'has a leading zero'],
    ['60000', 'is above 59999, the largest ID the path pattern accepts'],
    ['12a', 'contains a character that is not an ASCII digit'],
    [' 101', 'contains a character that is not an ASCII digit'],
    ['+101', 'contains a character that is not an ASCII digit'],
    ['١٠١', 'contains a character that is not an ASCII digit'],
  ])('rejects %j at the path pattern: %s', (raw, reason) => {
    expect(checkAgentId(raw, IDS_2024)).toEqual({ kind: 'pattern', raw, reason });
  });

  it.each(['1', '99', '100'])('lets %s through the path pattern but not the range', (raw) => {
    expect(checkAgentId(raw, IDS_2024)).toEqual({ kind: 'range', raw, reason: 'is below 101' });
  });

  it('accepts up to 999999 under the 2025 rule', () => {
    expect(checkAgentId('999999', IDS_2025).kind).toBe('ok');
    expect(checkAgentId('1000000', IDS_2025).kind).toBe('pattern');
    expect(checkAgentId('60000', IDS_2025).kind).toBe('ok');
  });
});

describe('agent IDs under a rule whose range is narrower than its path pattern', () => {
  const narrow = { ...IDS_2025, max: 500 };

  it('refuses an ID the pattern accepts but the range does not, saying which bound it passes', () => {
    expect(checkAgentId('501', narrow)).toEqual({ kind: 'range', raw: '501', reason: 'is above 500' });
    expect(checkAgentId('500', narrow)).toEqual({ kind: 'ok', id: '500' });
  });

  it('calls an ID valid only when it passes both checks', () => {
    expect(isValidAgentId('500', narrow)).toBe(true);
    expect(isValidAgentId('501', narrow)).toBe(false);
    expect(isValidAgentId('0101', narrow)).toBe(false);
  });
});
