/**
 * Profiles: one gateway version's rules. The ID range and the word for the agent group differ between document
 * generations; the retcode of every case the documents leave open is a setting with a stated default and the
 * candidates a gateway could plausibly use.
 */
import { IDS_2024, IDS_2025, type IdRule } from './ids.ts';
import { documented, inferred, type Provenance } from './provenance.ts';

/** One configurable answer: its value, what else it may be set to, and why the default is what it is. */
export interface ProfileSetting<V extends string> {
  readonly value: V;
  readonly candidates: readonly V[];
  readonly description: string;
  readonly provenance: Provenance;
}

/** The answer for a path whose ID does not match the gateway's path regex. */
export type PathMismatchAnswer = 'http-404' | '000-002';

/** Every case the documents leave open (or state only in general), with the retcode a profile answers. */
export interface ProfileAnswers {
  readonly pathMismatch: ProfileSetting<PathMismatchAnswer>;
  readonly idOutOfRange: ProfileSetting<'000-002'>;
  readonly guidMismatch: ProfileSetting<'100-006' | '000-003'>;
  readonly selfTarget: ProfileSetting<'000-005'>;
  readonly noInspectionRight: ProfileSetting<'900-002'>;
  readonly otherVdn: ProfileSetting<'900-002' | '000-002'>;
  readonly targetIsInspector: ProfileSetting<'900-002'>;
  readonly inspectorNotIdle: ProfileSetting<'900-005'>;
  readonly targetNotSignedIn: ProfileSetting<'900-005' | '900-003' | '900-004'>;
  readonly targetAlreadyBarged: ProfileSetting<'900-005' | '900-003'>;
  readonly cancelWithoutBarge: ProfileSetting<'900-005' | '900-004' | '900-003'>;
  readonly unknownAgentSignIn: ProfileSetting<'100-004'>;
  readonly phoneMismatch: ProfileSetting<'100-013' | '100-014'>;
  readonly emptyPassword: ProfileSetting<'100-004' | '100-001'>;
  readonly viewOutsideVdn: ProfileSetting<'000-002' | '100-007'>;
  readonly logoutInCall: ProfileSetting<'100-010'>;
  readonly stateChangeInCall: ProfileSetting<'100-009'>;
}

export type AnswerName = keyof ProfileAnswers;

/** A gateway version's rules. */
export interface Profile {
  readonly name: ProfileName;
  readonly title: string;
  /** Which documents the profile follows. */
  readonly documents: string;
  readonly ids: IdRule;
  /** What the documents call the group both agents must share. */
  readonly groupWord: 'VDN' | 'VCC';
  /** CTI setting "Support QC on QC Inspectors": whether an inspector may be barged into by another. */
  readonly qcOnInspectors: boolean;
  /** Whether events carry `eventGenTime` (newer document examples do). */
  readonly eventGenTime: boolean;
  readonly answers: ProfileAnswers;
}

export const PROFILE_NAMES = ['ccgw-2024', 'ccgw-2025'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

const ANSWERS: ProfileAnswers = {
  pathMismatch: {
    value: 'http-404',
    candidates: ['http-404', '000-002'],
    description: 'An ID fails the path regex (non-digits, leading zero, too large).',
    provenance: inferred('the gateway is RESTEasy with regex-constrained paths; a non-matching path reaches no resource, so the container answers 404', 'ccgw-endpoints.txt'),
  },
  idOutOfRange: {
    value: '000-002',
    candidates: ['000-002'],
    description: 'An ID matches the path regex but lies below 101.',
    provenance: inferred('000-002 is the general "parameter in the URL is wrong" code', 'EN/cec_07_0580'),
  },
  guidMismatch: {
    value: '100-006',
    candidates: ['100-006', '000-003'],
    description: 'The Guid header is missing, unknown, expired, or belongs to another agent.',
    provenance: documented('EN/cec_07_0005', 'The gateway compares it with the value it issued. On mismatch it returns 100-006 or 000-003.'),
  },
  selfTarget: {
    value: '000-005',
    candidates: ['000-005'],
    description: 'The target (workNo) is the inspector (agentid) himself.',
    provenance: documented('EN/cec_07_0580', 'The agent to be inspected is the inspector himself'),
  },
  noInspectionRight: {
    value: '900-002',
    candidates: ['900-002'],
    description: 'The inspector lacks the inspection right.',
    // The right is documented (the rule addInsert.noInspectionRight quotes it); the code that refuses it is not.
    provenance: inferred('no page names the code for a missing inspection right; 900-002 is the QC "no permission" exception, and the addinsert page (EN/cec_07_2401) and the cancel page (ZH/cec_07_2404) both list it', 'EN/cec_07_0580'),
  },
  otherVdn: {
    value: '900-002',
    candidates: ['900-002', '000-002'],
    description: 'The target belongs to another VDN (VCC) than the inspector.',
    provenance: inferred('the target must be in the same VDN; outside it the inspector has no permission over it (900-002); 000-002 is the other candidate', 'EN/cec_07_2401'),
  },
  targetIsInspector: {
    value: '900-002',
    candidates: ['900-002'],
    description: 'The target is an inspector and "Support QC on QC Inspectors" is off.',
    // As for noInspectionRight: the rule is documented (addInsert.targetIsInspector quotes it), its code is not.
    provenance: inferred('no page names the code for barging into an inspector while "Support QC on QC Inspectors" is No; the refusal is one of permission, and 900-002 is the QC "no permission" exception addinsert lists', 'EN/cec_07_0433'),
  },
  inspectorNotIdle: {
    value: '900-005',
    candidates: ['900-005'],
    description: 'The inspector is signed in but not idle (busy, wrap-up, rest, talking or already barging).',
    provenance: inferred('idleness is a documented prerequisite; 900-005 is the QC "state exception" listed for addinsert', 'EN/cec_07_2401'),
  },
  targetNotSignedIn: {
    value: '900-005',
    candidates: ['900-005', '900-003', '900-004'],
    description: 'The target is not signed in (or is not a configured agent).',
    provenance: inferred('the target must be signed in; no document names the code; the CTI rejects the operation on the state of the target (900-005); 900-003 and 900-004 are the other candidates', 'EN/cec_07_2401'),
  },
  targetAlreadyBarged: {
    value: '900-005',
    candidates: ['900-005', '900-003'],
    description: 'Another inspector is already barged into the target.',
    provenance: inferred('no document says whether two inspectors may barge one agent; the CTI most likely rejects it as a state conflict'),
  },
  cancelWithoutBarge: {
    value: '900-005',
    candidates: ['900-005', '900-004', '900-003'],
    description: 'Cancel is called but this inspector has no listen/insert on this target.',
    provenance: inferred('cancel requires a listen/insert in progress (documented); its retcode is not', 'EN/cec_07_0444'),
  },
  unknownAgentSignIn: {
    value: '100-004',
    candidates: ['100-004'],
    description: 'Sign-in for an agent ID that is not configured.',
    provenance: inferred('the gateway cannot tell an unknown user from a wrong password, so it answers 100-004 "wrong user name or password"', 'EN/cec_07_0580'),
  },
  phoneMismatch: {
    value: '100-013',
    candidates: ['100-013', '100-014'],
    description: "Sign-in with a phone number that is not the agent's configured softphone.",
    provenance: inferred('100-013 "the phone bound at sign-in is invalid"', 'EN/cec_07_0580'),
  },
  emptyPassword: {
    value: '100-004',
    candidates: ['100-004', '100-001'],
    description: 'Sign-in with an empty password ("password": ""): checked like any password (100-004 unless the account has none), or refused as an empty parameter (100-001).',
    provenance: inferred(
      'the documents\' own sign-in example sends "password":"" and the loginex page says the password may be empty, so the gateway does not refuse it as missing but checks it (public clients such as Zackeus send "" by default); no page names a switch, and a gateway that refuses it would answer 100-001 "sign-in parameter empty or invalid"',
      'ZH/cec_07_1202',
    ),
  },
  viewOutsideVdn: {
    value: '000-002',
    candidates: ['000-002', '100-007'],
    description: "agentbyworkno names an agent that is not in the caller's VDN (another VDN, or no agent at all).",
    provenance: inferred('the agent queried must be in the same VDN as the caller (documented); the page\'s error list was not retrieved: 000-002 "a parameter is invalid" is the likeliest, 100-007 "exception during the operation" the other candidate', 'EN/cec_07_0415'),
  },
  logoutInCall: {
    value: '100-010',
    candidates: ['100-010'],
    description: 'Sign-out (not forced) while talking or barging.',
    provenance: documented('EN/cec_07_1219', 'When an agent is in talking or answering state, the agent will not be signed out if this interface is invoked.'),
  },
  stateChangeInCall: {
    value: '100-009',
    candidates: ['100-009'],
    description: 'sayfree/saybusy while talking or barging.',
    provenance: inferred('100-009 "setting the agent state failed", listed for saybusy', 'EN/cec_07_1211'),
  },
};

export const PROFILE_2024: Profile = {
  name: 'ccgw-2024',
  title: 'CC-Gateway per the 2023-09/2024-08 documents (default)',
  documents: 'EN/cec_07_2401 (2024-08-02), the interface document of this project',
  ids: IDS_2024,
  groupWord: 'VDN',
  qcOnInspectors: false,
  eventGenTime: false,
  answers: ANSWERS,
};

export const PROFILE_2025: Profile = {
  name: 'ccgw-2025',
  title: 'CC-Gateway per the 2025-11 documents',
  documents: 'EN/cec_07_2401 and EN/cec_07_0355 (2025-11-13)',
  ids: IDS_2025,
  groupWord: 'VCC',
  qcOnInspectors: false,
  eventGenTime: true,
  answers: ANSWERS,
};

export const PROFILES: Readonly<Record<ProfileName, Profile>> = { 'ccgw-2024': PROFILE_2024, 'ccgw-2025': PROFILE_2025 };

/** The default profile: it follows the project's interface document. */
export const DEFAULT_PROFILE = PROFILE_2024;

/** A bad profile name or override; the message names the value and what is allowed. */
export class ProfileError extends Error {
  override readonly name = 'ProfileError';
}

/** Looks a profile up by name. Throws a ProfileError naming the bad name and the known ones. */
export function resolveProfile(name: string): Profile {
  const profile = (PROFILES as Record<string, Profile | undefined>)[name];
  if (!profile) throw new ProfileError(`unknown profile ${JSON.stringify(name)}; use one of ${PROFILE_NAMES.join(', ')}`);
  return profile;
}

/** Overrides for a profile: answer values by name, and the two switches. */
export interface ProfileOverrides {
  readonly answers?: Partial<Record<AnswerName, string>>;
  readonly qcOnInspectors?: boolean;
  readonly eventGenTime?: boolean;
}

/**
 * Returns a copy of `profile` with overrides applied. Each answer must be one of the setting's candidates.
 * @throws ProfileError naming the answer, the bad value and the candidates.
 */
export function withOverrides(profile: Profile, overrides: ProfileOverrides): Profile {
  const answers: Record<string, ProfileSetting<string>> = { ...profile.answers };
  for (const [name, value] of Object.entries(overrides.answers ?? {})) {
    const setting = answers[name];
    if (!setting) throw new ProfileError(`unknown profile answer ${JSON.stringify(name)}; use one of ${Object.keys(profile.answers).join(', ')}`);
    if (value === undefined) continue;
    if (!setting.candidates.includes(value)) {
      throw new ProfileError(`profile answer ${name}=${JSON.stringify(value)} is not allowed; use one of ${setting.candidates.join(', ')}`);
    }
    answers[name] = { ...setting, value, provenance: inferred(`overridden from ${setting.value} to ${value} by configuration`) };
  }
  return {
    ...profile,
    qcOnInspectors: overrides.qcOnInspectors ?? profile.qcOnInspectors,
    eventGenTime: overrides.eventGenTime ?? profile.eventGenTime,
    answers: answers as unknown as ProfileAnswers,
  };
}

/**
 * The overrides that turn the named base profile into `profile` (the inverse of `withOverrides`), e.g. to pass a
 * configured profile to another process.
 */
export function overridesOf(profile: Profile): ProfileOverrides {
  const base = resolveProfile(profile.name);
  const answers: Partial<Record<AnswerName, string>> = {};
  for (const name of Object.keys(base.answers) as AnswerName[]) {
    if (profile.answers[name].value !== base.answers[name].value) answers[name] = profile.answers[name].value;
  }
  return {
    ...(Object.keys(answers).length ? { answers } : {}),
    ...(profile.qcOnInspectors !== base.qcOnInspectors ? { qcOnInspectors: profile.qcOnInspectors } : {}),
    ...(profile.eventGenTime !== base.eventGenTime ? { eventGenTime: profile.eventGenTime } : {}),
  };
}
