/**
 * The barge invariant of a load run: for every target agent, successful barges minus successful cancels is always
 * 0 or 1 — at no moment are two inspectors barged into one agent, and no cancel succeeds without a barge.
 *
 * Each target belongs to exactly one VU (see `partition.ts`), so a per-VU {@link BargeLedger} sees every barge and
 * cancel of its targets in order and checks the invariant after each one. The VU adds violations to the
 * `ccgw_invariant_violations` counter and totals to `ccgw_barge_ok` / `ccgw_cancel_ok`; {@link invariantReport}
 * reads them back from the end-of-test summary. Pure: no k6 import.
 */
import { METRIC } from './metric-names.ts';

/** One moment the invariant did not hold. */
export interface InvariantViolation {
  readonly target: string;
  /** Barges minus cancels right after `event`. */
  readonly balance: number;
  /** What happened: "barge by 30102" or "cancel by 30101". */
  readonly event: string;
}

/** Keeps at most this many violations in memory; the counter metric counts them all. */
const KEEP = 100;

/** Per-VU bookkeeping of successful barges and cancels per target. */
export class BargeLedger {
  readonly #balance = new Map<string, number>();
  readonly #violations: InvariantViolation[] = [];
  #barges = 0;
  #cancels = 0;
  #violationCount = 0;

  /** Records a successful barge of `target` by `inspector`; returns the violation, if any. */
  barge(target: string, inspector: string): InvariantViolation | undefined {
    this.#barges++;
    return this.#move(target, +1, 'barge', inspector);
  }

  /** Records a successful cancel on `target` by `inspector`; returns the violation, if any. */
  cancel(target: string, inspector: string): InvariantViolation | undefined {
    this.#cancels++;
    return this.#move(target, -1, 'cancel', inspector);
  }

  /** Barges minus cancels of `target` so far. */
  balance(target: string): number {
    return this.#balance.get(target) ?? 0;
  }

  /** Targets with a barge that was not cancelled. */
  open(): string[] {
    return [...this.#balance].filter(([, b]) => b > 0).map(([t]) => t);
  }

  /** The first violations (at most 100). */
  violations(): readonly InvariantViolation[] {
    return this.#violations;
  }

  /** Totals: successful barges, cancels, and violations. */
  totals(): { barges: number; cancels: number; violations: number } {
    return { barges: this.#barges, cancels: this.#cancels, violations: this.#violationCount };
  }

  #move(target: string, delta: number, what: 'barge' | 'cancel', inspector: string): InvariantViolation | undefined {
    const balance = this.balance(target) + delta;
    this.#balance.set(target, balance);
    if (balance === 0 || balance === 1) return undefined;
    const violation = { target, balance, event: `${what} by ${inspector}` };
    this.#violationCount++;
    if (this.#violations.length < KEEP) this.#violations.push(violation);
    return violation;
  }
}

/** The part of k6's summary data the report reads: metric values by name. */
export interface SummaryMetrics {
  readonly [name: string]: { readonly type?: string; readonly values?: Readonly<Record<string, number>> } | undefined;
}

/** The invariant's outcome over a whole run. */
export interface InvariantReport {
  readonly barges: number;
  readonly cancels: number;
  /** Barges not cancelled at the end (teardown cancels them); must lie between 0 and the number of targets. */
  readonly openAtEnd: number;
  readonly violations: number;
  readonly auditViolations: number;
  /** No violation counted by the VUs or by the mock's audit, and no more cancels than barges. */
  readonly holds: boolean;
}

/** Reads the invariant counters back from `handleSummary` data. */
export function invariantReport(metrics: SummaryMetrics): InvariantReport {
  const count = (name: string) => metrics[name]?.values?.['count'] ?? 0;
  const barges = count(METRIC.bargeOk);
  const cancels = count(METRIC.cancelOk);
  const violations = count(METRIC.invariantViolations);
  const auditViolations = count(METRIC.auditViolations);
  return { barges, cancels, openAtEnd: barges - cancels, violations, auditViolations, holds: violations === 0 && auditViolations === 0 && cancels <= barges };
}
