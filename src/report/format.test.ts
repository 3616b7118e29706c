import { describe, expect, it } from 'vitest';
import { firstLine, formatDuration, formatMeasured, formatNumber, formatPercent, formatSeconds, formatSignedPercent, profileLabel } from './format.ts';

describe('number formatting', () => {
  it('prints at most two decimals and no thousands separators, so figures parse back', () => {
    expect(formatNumber(12345.678)).toBe('12345.68');
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(2.1)).toBe('2.1');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(Infinity)).toBe('∞');
  });

  it('shows fractions as percentages and keeps four decimals for small measured values', () => {
    expect(formatPercent(0.9975)).toBe('99.75');
    expect(formatMeasured(0.9975)).toBe('0.9975');
    expect(formatMeasured(212.456)).toBe('212.46');
  });

  it('signs percentage changes and says "new" when there is no baseline', () => {
    expect(formatSignedPercent(50)).toBe('+50%');
    expect(formatSignedPercent(-4.25)).toBe('-4.3%');
    expect(formatSignedPercent(null)).toBe('new');
  });
});

describe('durations', () => {
  it('reads naturally from milliseconds to hours', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(1.234)).toBe('1.23 ms');
    expect(formatDuration(12_340)).toBe('12.3 s');
    expect(formatDuration(62_500)).toBe('1m 02.5s');
    expect(formatDuration(3_725_000)).toBe('1h 02m');
  });

  it('gives JUnit seconds with three decimals', () => {
    expect(formatSeconds(1234)).toBe('1.234');
    expect(formatSeconds(-5)).toBe('0.000');
  });
});

describe('firstLine', () => {
  it('takes the first non-empty line and cuts it', () => {
    expect(firstLine('\n  expected 900-005\nbut got 900-003')).toBe('expected 900-005');
    expect(firstLine('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('profileLabel', () => {
  it('is the profile name alone when the settings changed nothing', () => {
    expect(profileLabel({ profile: 'ccgw-2024' })).toBe('ccgw-2024');
  });

  it('names each changed answer and switch after the profile name', () => {
    expect(profileLabel({ profile: 'ccgw-2025', profileOverrides: { answers: { targetAlreadyBarged: '900-003' }, qcOnInspectors: true, eventGenTime: false } })).toBe(
      'ccgw-2025 (targetAlreadyBarged → 900-003, qcOnInspectors on, eventGenTime off)',
    );
  });
});
