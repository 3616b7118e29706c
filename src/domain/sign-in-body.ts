/**
 * The sign-in body: which fields the gateway reads, their defaults, how it reads scalars, and which retcode a bad
 * field gets. The field rules mirror `SignInRequest` in the contract; a property test checks that both agree.
 *
 * The gateway is a Java (RESTEasy/Jackson) service, and reads the body as Jackson does by default:
 * - unknown fields are ignored (the Java demo sends `listenStatus`, aPortal `pushUrl`, the C# demo `vcPhoneNumber`);
 * - an optional field sent as `null` takes its default (the C# demo sends `"ip":null,"entryIp":null`);
 * - integer fields also come as the string of the number, and boolean fields as `"true"`/`"false"`: documented, the
 *   documents' own example sends `{"status":"4","releasephone":"true","agenttype":"4"}`; `"True"`, `"TRUE"`,
 *   `"False"`, `"FALSE"` are read as Jackson reads them (inferred).
 * An empty password passes the body check: what follows is the profile setting `emptyPassword` (sign-in.ts).
 */

/** The sign-in body after defaults. */
export interface SignInBody {
  readonly password: string;
  readonly phonenum: string;
  readonly autoanswer: boolean;
  readonly autoenteridle: boolean;
  readonly releasephone: boolean;
  readonly agenttype: 4 | 11;
  readonly status: 3 | 4 | 5;
  readonly ip: string;
}

/** The outcome of checking a sign-in body. */
export type SignInBodyCheck =
  | { readonly ok: true; readonly body: SignInBody }
  | { readonly ok: false; readonly field: string; readonly retcode: '100-001' | '100-011' | '100-012' | '100-016'; readonly reason: string };

const IPV4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/;
const BOOLEAN_FIELDS = ['autoanswer', 'autoenteridle', 'releasephone', 'phonelinkage', 'checkInWebm', 'checkInMailm'] as const;
const STRING_FIELDS = ['entryIp', 'callBackUri', 'serviceToken'] as const;
const TRUE_TEXT = new Set(['true', 'True', 'TRUE']);
const FALSE_TEXT = new Set(['false', 'False', 'FALSE']);
const INVALID = Symbol('invalid');

function codePoints(s: string): number {
  return [...s].length;
}

/** A boolean field as the gateway reads it: undefined when absent (or null), INVALID when it is no boolean. */
function readBoolean(value: unknown): boolean | undefined | typeof INVALID {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (TRUE_TEXT.has(value)) return true;
    if (FALSE_TEXT.has(value)) return false;
  }
  return INVALID;
}

/** An integer field restricted to `allowed`: the number or its decimal string ("4"); undefined when absent or null. */
function readChoice<T extends number>(value: unknown, allowed: readonly T[]): T | undefined | typeof INVALID {
  if (value === undefined || value === null) return undefined;
  for (const a of allowed) if (value === a || value === String(a)) return a;
  return INVALID;
}

/** Checks a parsed JSON body. Field order: required fields (100-001), then values (100-011), agent type (100-012), IP (100-016). */
export function checkSignInBody(raw: unknown): SignInBodyCheck {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, field: '(body)', retcode: '100-001', reason: 'must be a JSON object with password and phonenum' };
  }
  const b = raw as Record<string, unknown>;
  if (b['password'] === undefined || b['password'] === null) return { ok: false, field: 'password', retcode: '100-001', reason: 'is missing' };
  if (b['phonenum'] === undefined || b['phonenum'] === null || b['phonenum'] === '') return { ok: false, field: 'phonenum', retcode: '100-001', reason: 'is missing or empty' };
  if (typeof b['password'] !== 'string' || codePoints(b['password']) > 32) {
    return { ok: false, field: 'password', retcode: '100-011', reason: 'must be a string of at most 32 characters' };
  }
  if (typeof b['phonenum'] !== 'string' || codePoints(b['phonenum']) > 24) {
    return { ok: false, field: 'phonenum', retcode: '100-011', reason: 'must be a string of at most 24 characters' };
  }
  const booleans: Partial<Record<(typeof BOOLEAN_FIELDS)[number], boolean>> = {};
  for (const field of BOOLEAN_FIELDS) {
    const value = readBoolean(b[field]);
    if (value === INVALID) return { ok: false, field, retcode: '100-011', reason: 'must be true or false (or "true"/"false")' };
    if (value !== undefined) booleans[field] = value;
  }
  for (const field of STRING_FIELDS) {
    if (b[field] !== undefined && b[field] !== null && typeof b[field] !== 'string') return { ok: false, field, retcode: '100-011', reason: 'must be a string' };
  }
  const status = readChoice(b['status'], [3, 4, 5] as const);
  if (status === INVALID) return { ok: false, field: 'status', retcode: '100-011', reason: 'must be 3 (busy), 4 (idle) or 5 (wrap-up), as a number or its string' };
  const agenttype = readChoice(b['agenttype'], [4, 11] as const);
  if (agenttype === INVALID) return { ok: false, field: 'agenttype', retcode: '100-012', reason: 'must be 4 (PC + phone) or 11 (PC + phone video), as a number or its string' };
  const ip = b['ip'];
  if (ip !== undefined && ip !== null && (typeof ip !== 'string' || !IPV4.test(ip))) {
    return { ok: false, field: 'ip', retcode: '100-016', reason: 'must be an IPv4 address' };
  }
  return {
    ok: true,
    body: {
      password: b['password'],
      phonenum: b['phonenum'],
      autoanswer: booleans.autoanswer ?? true,
      autoenteridle: booleans.autoenteridle ?? true,
      releasephone: booleans.releasephone ?? true,
      agenttype: agenttype ?? 4,
      status: status ?? 4,
      ip: (ip as string | null | undefined) ?? '127.0.0.1',
    },
  };
}
