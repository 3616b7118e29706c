/**
 * The properties' one oracle: a small abstract model of a CC-Gateway, written from the documents
 * (`docs/sources/ccgw-facts.md`, the interface document) and the table in `documented-rules.ts`, never from
 * `src/domain`, so that a wrong rule there, in the mock or in a live gateway shows up as a disagreement. The
 * model-based properties run it beside a gateway; the single-call properties ask it through `scenario-model.ts`.
 *
 * It tracks only what calls can observe: per agent, signed in or not, its own status (3 busy, 4 idle, 5 wrap-up,
 * or whatever a scenario gives), an always-off-hook phone, whom it barges and who barges it, and the events it
 * should still receive; the accounts' VDN and inspection right; the answers a profile gives where the documents
 * are silent. Each call returns the retcode the model expects and the change to apply when the gateway agreed.
 */
import { bargeEndEventsForInspector, bargeEventsForInspector, DOCUMENTED, signInEvents, STATUS, type ExpectedAnswers } from './documented-rules.ts';
import type { IdExpectation } from '../arbitraries/agent-id.ts';
import type { SignedInStatus } from '../arbitraries/agent-state.ts';
import type { GuidKind } from '../arbitraries/guid.ts';

/** An account as the model knows it. */
export interface ModelAccount {
  readonly id: string;
  readonly vdn: number;
  readonly inspector: boolean;
}

/** An event the model expects: its type and, for QC and busy events, the content that matters. */
export interface ExpectedEvent {
  readonly type: string;
  /** BeQcStart/BeQcStop: the inspector (qcType is always 9, insert). */
  readonly qcAgentId?: string;
  /** SetNotReady_Success after saybusy: the reason sent ("0" when none). */
  readonly reason?: string;
}

/** A signed-in agent in the model. */
export interface ModelSession {
  /** Its own status (sign-in and state calls give 3 busy, 4 idle, 5 wrap-up). A barging inspector reports talking (7) on top of it. */
  status: SignedInStatus;
  readonly alwaysOffHook: boolean;
  barging: string | null;
  bargedBy: string | null;
  readonly events: ExpectedEvent[];
}

/** The settings of the gateway the model stands for. */
export interface ModelSettings {
  readonly answers: ExpectedAnswers;
  readonly qcOnInspectors: boolean;
}

/** What a sign-in body's credentials are to the account: its password absent, empty, right or wrong; its phone right or wrong. */
export interface Credentials {
  readonly password: 'missing' | 'empty' | 'right' | 'wrong';
  readonly phone: 'right' | 'wrong';
}

/** A sign-in body as the model commands send it. */
export type BodyKind = 'valid' | 'missing-password' | 'wrong-password' | 'wrong-phone';

/** The credentials of each body the commands send. */
export const CREDENTIALS_OF: Readonly<Record<BodyKind, Credentials>> = {
  valid: { password: 'right', phone: 'right' },
  'missing-password': { password: 'missing', phone: 'right' },
  'wrong-password': { password: 'wrong', phone: 'right' },
  'wrong-phone': { password: 'right', phone: 'wrong' },
};

/** What the model expects of one call: the retcode, and the change to apply when the gateway answered it. */
export interface Step {
  readonly retcode: string;
  /** Applies the call's effect (only meaningful when `retcode` is "0"). */
  readonly commit: () => void;
}

/** What a QC call carries besides its parties and Guid: how its path IDs read, and a CTI fault injected into it. */
export interface QcCallForm {
  /** What the gateway makes of each path ID (agentid, workNo); all `ok` when absent. */
  readonly ids?: readonly IdExpectation[];
  /** A CTI fault (900-001, 900-003): answered only when every state check passes. */
  readonly fault?: string | null;
}

const nothing = () => {};
const reject = (retcode: string): Step => ({ retcode, commit: nothing });

/** The model's state and its answer to each call. */
export class AbstractGateway {
  readonly sessions = new Map<string, ModelSession>();
  readonly #accounts: ReadonlyMap<string, ModelAccount>;

  constructor(
    accounts: readonly ModelAccount[],
    readonly settings: ModelSettings,
  ) {
    this.#accounts = new Map(accounts.map((a) => [a.id, a]));
  }

  account(id: string): ModelAccount | undefined {
    return this.#accounts.get(id);
  }

  /** Whether the agent is in a conversation (barging or barged). */
  inCall(id: string): boolean {
    const s = this.sessions.get(id);
    return s !== undefined && (s.barging !== null || s.bargedBy !== null);
  }

  /** The status the gateway should report: 2 signed out, 7 while barging, else the agent's own. */
  reportedStatus(id: string): number {
    const s = this.sessions.get(id);
    if (!s) return 2;
    return s.barging !== null ? STATUS.talking : s.status;
  }

  /** The events the agent should still receive (none when signed out). */
  queue(id: string): readonly ExpectedEvent[] {
    return this.sessions.get(id)?.events ?? [];
  }

  /** A path ID the pattern refuses never reaches a resource; one below 101 is a wrong URL parameter. */
  #pathCheck(ids: readonly IdExpectation[] = []): Step | undefined {
    if (ids.includes('pattern')) return reject(this.settings.answers.pathMismatch);
    if (ids.includes('range')) return reject(this.settings.answers.idOutOfRange);
    return undefined;
  }

  #callerCheck(id: string, guid: GuidKind): Step | undefined {
    if (!this.sessions.has(id)) return reject(DOCUMENTED.notSignedIn);
    if (guid !== 'own') return reject(this.settings.answers.guidMismatch);
    return undefined;
  }

  /** Ends every barge `id` takes part in, telling the other party as a cancel would. */
  #endBarges(id: string): void {
    const s = this.sessions.get(id);
    if (!s) return;
    if (s.barging !== null) {
      const t = this.sessions.get(s.barging)!;
      t.bargedBy = null;
      t.events.push({ type: 'AgentOther_BeQcStop', qcAgentId: id });
    }
    if (s.bargedBy !== null) {
      const i = this.sessions.get(s.bargedBy)!;
      i.barging = null;
      i.status = STATUS.idle;
      for (const type of bargeEndEventsForInspector(i.alwaysOffHook)) i.events.push({ type });
    }
  }

  /** Sign-in (`force`: forcelogin) with a body of the given kind, into `status`. */
  signIn(id: string, body: Credentials, status: 3 | 4 | 5, alwaysOffHook: boolean, force: boolean): Step {
    if (body.password === 'missing') return reject(DOCUMENTED.signInParameterMissing);
    if (body.password === 'empty') return reject(this.settings.answers.emptyPassword);
    if (!this.account(id)) return reject(this.settings.answers.unknownAgentSignIn);
    if (body.password === 'wrong') return reject(DOCUMENTED.wrongPassword);
    if (body.phone === 'wrong') return reject(this.settings.answers.phoneMismatch);
    if (!force && this.sessions.has(id)) return reject(DOCUMENTED.alreadySignedIn);
    return {
      retcode: '0',
      commit: () => {
        this.#endBarges(id);
        this.sessions.set(id, { status, alwaysOffHook, barging: null, bargedBy: null, events: signInEvents(status).map((type) => ({ type })) });
      },
    };
  }

  /** sayfree (`to` idle) or saybusy with `reason` ("0" for none); `reasonValid` false for a reason the gateway refuses. */
  stateChange(id: string, guid: GuidKind, to: 'idle' | 'busy', reason: string, reasonValid: boolean): Step {
    const early = this.#callerCheck(id, guid);
    if (early) return early;
    if (to === 'busy' && !reasonValid) return reject(DOCUMENTED.badParameter);
    if (this.inCall(id)) return reject(this.settings.answers.stateChangeInCall);
    const s = this.sessions.get(id)!;
    return {
      retcode: '0',
      commit: () => {
        s.status = to === 'idle' ? STATUS.idle : STATUS.busy;
        s.events.push(to === 'idle' ? { type: 'AgentState_Ready' } : { type: 'AgentState_SetNotReady_Success', reason });
      },
    };
  }

  /** addinsert: `inspector` barges into `target`. */
  addInsert(inspector: string, target: string, guid: GuidKind, form: QcCallForm = {}): Step {
    const early = this.#pathCheck(form.ids) ?? this.#callerCheck(inspector, guid) ?? this.#qcCheck(inspector, target);
    if (early) return early;
    const t = this.account(target);
    if (t?.inspector && !this.settings.qcOnInspectors) return reject(this.settings.answers.targetIsInspector);
    const i = this.sessions.get(inspector)!;
    if (i.status !== STATUS.idle || this.inCall(inspector)) return reject(this.settings.answers.inspectorNotIdle);
    const ts = this.sessions.get(target);
    if (!ts) return reject(this.settings.answers.targetNotSignedIn);
    if (ts.bargedBy !== null) return reject(this.settings.answers.targetAlreadyBarged);
    if (form.fault) return reject(form.fault);
    return {
      retcode: '0',
      commit: () => {
        i.barging = target;
        ts.bargedBy = inspector;
        for (const type of bargeEventsForInspector(i.alwaysOffHook)) i.events.push({ type });
        ts.events.push({ type: 'AgentOther_BeQcStart', qcAgentId: inspector });
      },
    };
  }

  /** cancel: `inspector` ends its barge on `target`. */
  cancel(inspector: string, target: string, guid: GuidKind, form: QcCallForm = {}): Step {
    const early = this.#pathCheck(form.ids) ?? this.#callerCheck(inspector, guid) ?? this.#qcCheck(inspector, target);
    if (early) return early;
    const i = this.sessions.get(inspector)!;
    if (i.barging !== target) return reject(this.settings.answers.cancelWithoutBarge);
    if (form.fault) return reject(form.fault);
    return {
      retcode: '0',
      commit: () => {
        const ts = this.sessions.get(target)!;
        i.barging = null;
        i.status = STATUS.idle;
        ts.bargedBy = null;
        for (const type of bargeEndEventsForInspector(i.alwaysOffHook)) i.events.push({ type });
        ts.events.push({ type: 'AgentOther_BeQcStop', qcAgentId: inspector });
      },
    };
  }

  /** The checks addinsert and cancel share after the caller's: self-target, inspection right, same VDN. */
  #qcCheck(inspector: string, target: string): Step | undefined {
    if (inspector === target) return reject(this.settings.answers.selfTarget);
    const i = this.account(inspector)!;
    if (!i.inspector) return reject(this.settings.answers.noInspectionRight);
    const t = this.account(target);
    if (t && t.vdn !== i.vdn) return reject(this.settings.answers.otherVdn);
    return undefined;
  }

  /** An event poll: the retcode, and the event the agent should get (null when its queue is empty). */
  poll(id: string, guid: GuidKind): Step & { readonly event: ExpectedEvent | null } {
    const early = this.#callerCheck(id, guid);
    if (early) return { ...early, event: null };
    const events = this.sessions.get(id)!.events;
    return { retcode: '0', event: events[0] ?? null, commit: () => void events.shift() };
  }

  /** agentstatus: the retcode and, on success, the status and whether the agent is in a conversation. */
  status(id: string, guid: GuidKind): Step & { readonly agentState?: number; readonly isWorking?: boolean } {
    const early = this.#callerCheck(id, guid);
    if (early) return early;
    return { retcode: '0', agentState: this.reportedStatus(id), isWorking: this.inCall(id), commit: nothing };
  }

  /** Sign-out (`force`: forcelogout, which ends the agent's barges). */
  signOut(id: string, guid: GuidKind, force: boolean): Step {
    const early = this.#callerCheck(id, guid);
    if (early) return early;
    if (!force && this.inCall(id)) return reject(this.settings.answers.logoutInCall);
    return {
      retcode: '0',
      commit: () => {
        this.#endBarges(id);
        this.sessions.delete(id);
      },
    };
  }
}
