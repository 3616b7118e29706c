/**
 * The table the abstract model decides with, written from `docs/sources/ccgw-facts.md` and the interface document,
 * not from `src/domain` (so that the properties can catch a wrong rule there): the ID ranges of each document
 * generation, the retcode of each case (documented or, where the documents are silent, the harness's stated
 * default), and the events each successful call triggers.
 */
import type { Profile } from '../../src/domain/profiles.ts';

/** The ID range of one document generation, and the largest ID the gateway's path pattern lets through. */
export interface DocumentedIdRange {
  /** Smallest valid agent ID: 101 in every document. */
  readonly min: number;
  /** Largest valid agent ID: 59999 (2023/24 documents) or 999999 (2025 documents). */
  readonly max: number;
  /** Largest ID the path pattern matches (`[1-9]\d{0,3}|[1-5]\d{4}` in the 2024 client code: 59999). */
  readonly pathMax: number;
}

/** "The value ranges from 101 to 59999" (EN/cec_07_2401, 2024) and "101 to 999999" (2025). */
export const DOCUMENTED_ID_RANGES: Readonly<Record<'ccgw-2024' | 'ccgw-2025', DocumentedIdRange>> = {
  'ccgw-2024': { min: 101, max: 59999, pathMax: 59999 },
  'ccgw-2025': { min: 101, max: 999999, pathMax: 999999 },
};

/** The documented range of a profile's document generation. */
export function documentedRangeOf(profile: Pick<Profile, 'name'>): DocumentedIdRange {
  return DOCUMENTED_ID_RANGES[profile.name];
}

/**
 * The answer of every case the properties check. Codes the documents state are fixed; the others are settings
 * a gateway profile may change (the facts' INFERENCE section), so they are named here.
 */
export interface ExpectedAnswers {
  /** An ID fails the path pattern: the container answers HTTP 404 (or 000-002). */
  readonly pathMismatch: 'http-404' | '000-002';
  /** An ID matches the pattern but lies below 101: "a parameter in the URL is wrong". */
  readonly idOutOfRange: string;
  /** Missing, unknown, expired or another agent's Guid: 100-006 or 000-003 (EN/cec_07_0005). */
  readonly guidMismatch: string;
  /** The target is the inspector himself: 000-005 (EN/cec_07_0580). */
  readonly selfTarget: string;
  /** The inspector lacks the QC right: the QC "no permission" exception. */
  readonly noInspectionRight: string;
  /** The target is in another VDN (VCC). */
  readonly otherVdn: string;
  /** The target is an inspector and "Support QC on QC Inspectors" is off. */
  readonly targetIsInspector: string;
  /** The inspector is signed in but not idle: the QC "state exception". */
  readonly inspectorNotIdle: string;
  /** The target is not signed in (or not an agent at all). */
  readonly targetNotSignedIn: string;
  /** Another inspector already barges into the target. */
  readonly targetAlreadyBarged: string;
  /** Cancel without a barge of this inspector on this target. */
  readonly cancelWithoutBarge: string;
  /** Sign-in of an agent ID that is not configured. */
  readonly unknownAgentSignIn: string;
  /** Sign-in with a phone that is not the agent's softphone. */
  readonly phoneMismatch: string;
  /** Sign-in with an empty password: checked like any password (the documents' own example sends one), or refused as empty. */
  readonly emptyPassword: string;
  /** agentbyworkno about an agent outside the caller's VDN (the page requires the same VDN; its error list was not read). */
  readonly viewOutsideVdn: string;
  /** Plain sign-out while talking or barging (EN/cec_07_1219). */
  readonly logoutInCall: string;
  /** sayfree/saybusy while talking or barging. */
  readonly stateChangeInCall: string;
}

/**
 * The answers of a gateway that follows this project's interface document, as `docs/sources/ccgw-facts.md` §4 and
 * §7 give them (the INFERENCE defaults where the documents are silent).
 */
export const DEFAULT_ANSWERS: ExpectedAnswers = {
  pathMismatch: 'http-404',
  idOutOfRange: '000-002',
  guidMismatch: '100-006',
  selfTarget: '000-005',
  noInspectionRight: '900-002',
  otherVdn: '900-002',
  targetIsInspector: '900-002',
  inspectorNotIdle: '900-005',
  targetNotSignedIn: '900-005',
  targetAlreadyBarged: '900-005',
  cancelWithoutBarge: '900-005',
  unknownAgentSignIn: '100-004',
  phoneMismatch: '100-013',
  emptyPassword: '100-004',
  viewOutsideVdn: '000-002',
  logoutInCall: '100-010',
  stateChangeInCall: '100-009',
};

/** The answers a profile is configured with (for gateways whose undocumented answers differ from the defaults). */
export function answersOfProfile(profile: Profile): ExpectedAnswers {
  const out: Record<string, string> = {};
  for (const name of Object.keys(DEFAULT_ANSWERS) as (keyof ExpectedAnswers)[]) out[name] = profile.answers[name].value;
  return out as unknown as ExpectedAnswers;
}

/** Retcodes the documents fix, whatever the profile. */
export const DOCUMENTED = {
  /** "The agent is not signed in" (EN/cec_07_0580). */
  notSignedIn: '100-006',
  /** "The agent is already signed in (use forcelogin)" (DEVEN/cec_05_4015). */
  alreadySignedIn: '100-002',
  /** "Sign-in parameter empty or invalid". */
  signInParameterMissing: '100-001',
  /** "Wrong user name or password at sign-in". */
  wrongPassword: '100-004',
  /** saybusy reason not 0 or 200–250, prolong not true/false: "a parameter is invalid" (EN/cec_07_1211). */
  badParameter: '000-002',
} as const;

/** qcType of an insert in AgentOther_BeQcStart/BeQcStop (ZH/cec_07_0542: 8 listen, 9 insert). */
export const QC_TYPE_INSERT = 9;

/**
 * Events the inspector receives on a successful barge (EN/cec_07_2401, DEVZH/cec_05_1440): AgentState_Busy, and
 * unless the phone is always off-hook, AgentOther_PhoneAlerting then AgentOther_PhoneOffhook.
 */
export function bargeEventsForInspector(alwaysOffHook: boolean): readonly string[] {
  return alwaysOffHook ? ['AgentState_Busy'] : ['AgentState_Busy', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook'];
}

/**
 * Events the inspector receives when its barge ends (ZH/cec_07_2404): PhoneRelease (unless always off-hook), then Ready.
 */
export function bargeEndEventsForInspector(alwaysOffHook: boolean): readonly string[] {
  return alwaysOffHook ? ['AgentState_Ready'] : ['AgentOther_PhoneRelease', 'AgentState_Ready'];
}

/**
 * Events a sign-in in `status` triggers (EN/cec_07_1202): InService, Ready, then SetNotReady_Success (3) or Work (5).
 */
export function signInEvents(status: 3 | 4 | 5): readonly string[] {
  const base = ['AgentOther_InService', 'AgentState_Ready'];
  if (status === 3) return [...base, 'AgentState_SetNotReady_Success'];
  if (status === 5) return [...base, 'AgentState_Work'];
  return base;
}

/** The CC-Gateway status values the properties meet (EN/cec_07_0581). */
export const STATUS = { busy: 3, idle: 4, wrapUp: 5, talking: 7, rest: 8 } as const;
