/**
 * Number and duration formatting shared by the reports, so the same figure reads the same everywhere. Numbers are
 * printed without thousands separators so that a test (or a person pasting into a spreadsheet) can parse them back.
 */
import type { ProfileOverrides } from '../domain/profiles.ts';
import type { TargetKind } from './run-summary.ts';

/** A number with at most `digits` decimals, trailing zeros dropped; non-finite numbers are spelled out. */
export function formatNumber(n: number, digits = 2): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '-∞';
  const fixed = n.toFixed(digits);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** A measured value (e.g. of a k6 threshold), with four decimals below 10 so that rates such as 0.9975 stay exact. */
export function formatMeasured(n: number): string {
  return formatNumber(n, Math.abs(n) < 10 ? 4 : 2);
}

/** A fraction 0–1 as a percentage number without the sign, e.g. for "99.75 %". */
export function formatPercent(fraction: number, digits = 2): string {
  return formatNumber(fraction * 100, digits);
}

/** A percentage change with its sign, or `new` when there was nothing to compare with. */
export function formatSignedPercent(pct: number | null): string {
  if (pct === null) return 'new';
  const text = formatNumber(pct, Math.abs(pct) < 10 ? 1 : 0);
  return `${pct > 0 ? '+' : ''}${text}%`;
}

/** A duration for people: `850 ms`, `12.3 s`, `4m 05s`, `1h 02m`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return formatNumber(ms);
  if (ms < 1000) return `${formatNumber(ms, ms < 10 ? 2 : 0)} ms`;
  if (ms < 60_000) return `${formatNumber(ms / 1000, 1)} s`;
  if (ms < 3_600_000) {
    const m = Math.floor(ms / 60_000);
    const s = (ms - m * 60_000) / 1000;
    return `${m}m ${s < 10 ? '0' : ''}${formatNumber(s, 1)}s`;
  }
  const h = Math.floor(ms / 3_600_000);
  const m = Math.round((ms - h * 3_600_000) / 60_000);
  return `${h}h ${String(m).padStart(2, '0')}m`;
}

/** Seconds for JUnit `time` attributes: three decimals. */
export function formatSeconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

/** The first line of a message, cut at `max` characters with an ellipsis. */
export function firstLine(text: string, max = 200): string {
  const line = (text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The profile a run expected, with what its settings changed. */
export function profileLabel(target: { readonly profile: string; readonly profileOverrides?: ProfileOverrides | undefined }): string {
  const o = target.profileOverrides;
  if (!o) return target.profile;
  const changes = [
    ...Object.entries(o.answers ?? {}).map(([name, retcode]) => `${name} → ${retcode}`),
    ...(o.qcOnInspectors === undefined ? [] : [`qcOnInspectors ${o.qcOnInspectors ? 'on' : 'off'}`]),
    ...(o.eventGenTime === undefined ? [] : [`eventGenTime ${o.eventGenTime ? 'on' : 'off'}`]),
  ];
  return changes.length ? `${target.profile} (${changes.join(', ')})` : target.profile;
}

/** The kind of gateway a run was against, as words: for "against …" sentences (`phrase`) and for labels (`label`). */
export function describeTargetKind(kind: TargetKind): { readonly label: string; readonly phrase: string } {
  switch (kind) {
    case 'mock':
      return { label: 'embedded mock gateway', phrase: 'the embedded mock gateway' };
    case 'gateway':
      return { label: 'gateway on this machine', phrase: 'the gateway on this machine' };
    case 'live':
      return { label: 'live gateway', phrase: 'the live gateway' };
  }
}
