/**
 * What a load run was asked to drive and what it achieved, as the k6 summary (load/lib/achieved.ts) writes it and
 * the run summary (src/report/run-summary.ts) records it. Types only: k6 and Node read them alike.
 */

/** What one iteration is: a barge/cancel `cycle`, a storm `round`, a smoke `iteration`. */
export type IterationUnit = 'cycle' | 'round' | 'iteration';

/**
 * What a load scenario was asked to drive: an open model starts `rate` iterations per second for `duration` on at
 * most `vus` VUs; a closed model runs `vus` VUs of `iterationsPerVu` iterations each within `duration`.
 */
export interface LoadAsked {
  readonly model: 'open' | 'closed';
  readonly unit: IterationUnit;
  readonly vus: number;
  /** A k6 duration, e.g. `1m`. */
  readonly duration: string;
  /** Iterations per second (open). */
  readonly rate?: number;
  /** Iterations per VU (closed). */
  readonly iterationsPerVu?: number;
  /** The share of the asked iterations an open run must start, 0–1. */
  readonly minAchievedRatio?: number;
  /** The pause after a round of polls, ms. */
  readonly pollPauseMs?: number;
}

/**
 * What a load scenario achieved.
 */
export interface LoadAchieved {
  /** Seconds the iterations ran (open: the asked duration). */
  readonly seconds: number;
  /** Completed iterations. */
  readonly iterations: number;
  /** Iterations per second (open: the ones k6 started). */
  readonly perSecond: number;
  /** Gateway calls of the iterations (setup and teardown left out), and per second. */
  readonly calls: number;
  readonly callsPerSecond: number;
  /** Iterations k6 dropped for want of a free VU. */
  readonly dropped: number;
  /** The most VUs busy at once, and the scenario's limit. */
  readonly vusPeak: number;
  readonly vusLimit: number;
  /** Started over asked iterations, 0–1 (open). */
  readonly ratio?: number;
  /** False when an open run started less than its `minAchievedRatio`: the scenario then fails. */
  readonly ok: boolean;
  /** What was reached, why and what to do, when not ok. */
  readonly notes?: readonly string[];
}
