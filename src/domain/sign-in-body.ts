/**
 * The sign-in body: which fields the gateway reads, their defaults, and which retcode a bad field gets.
 * The field rules mirror `SignInRequest` in the contract; a property test checks that both agree.
 *
 * @example
 * ```ts
 * checkSignInBody({ password: 'x', phonenum: '88880001' });
 * // { ok: true, body: { password: 'x', phonenum: '88880001', status: 4, releasephone: true, ... } }
 * checkSignInBody({ phonenum: '88880001' });
 * // { ok: false, field: 'password', retcode: '100-001', reason: 'is missing' }
 * ```
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

function codePoints(s: string): number {
  return [...s].length;
}

/** Checks a parsed JSON body. Field order: required fields (100-001), then values (100-011), agent type (100-012), IP (100-016). */
export function checkSignInBody(raw: unknown): SignInBodyCheck {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, field: '(body)', retcode: '100-001', reason: 'must be a JSON object with password and phonenum' };
  }
  const b = raw as Record<string, unknown>;
  for (const field of ['password', 'phonenum'] as const) {
    if (b[field] === undefined || b[field] === null || b[field] === '') return { ok: false, field, retcode: '100-001', reason: 'is missing or empty' };
  }
  if (typeof b['password'] !== 'string' || codePoints(b['password']) > 32) {
    return { ok: false, field: 'password', retcode: '100-011', reason: 'must be a string of at most 32 characters' };
  }
  if (typeof b['phonenum'] !== 'string' || codePoints(b['phonenum']) > 24) {
    return { ok: false, field: 'phonenum', retcode: '100-011', reason: 'must be a string of at most 24 characters' };
  }
  for (const field of BOOLEAN_FIELDS) {
    if (b[field] !== undefined && typeof b[field] !== 'boolean') return { ok: false, field, retcode: '100-011', reason: 'must be true or false' };
  }
  for (const field of STRING_FIELDS) {
    if (b[field] !== undefined && typeof b[field] !== 'string') return { ok: false, field, retcode: '100-011', reason: 'must be a string' };
  }
  if (b['status'] !== undefined && b['status'] !== 3 && b['status'] !== 4 && b['status'] !== 5) {
    return { ok: false, field: 'status', retcode: '100-011', reason: 'must be 3 (busy), 4 (idle) or 5 (wrap-up)' };
  }
  if (b['agenttype'] !== undefined && b['agenttype'] !== 4 && b['agenttype'] !== 11) {
    return { ok: false, field: 'agenttype', retcode: '100-012', reason: 'must be 4 (PC + phone) or 11 (PC + phone video)' };
  }
  if (b['ip'] !== undefined && (typeof b['ip'] !== 'string' || !IPV4.test(b['ip']))) {
    return { ok: false, field: 'ip', retcode: '100-016', reason: 'must be an IPv4 address' };
  }
  return {
    ok: true,
    body: {
      password: b['password'],
      phonenum: b['phonenum'],
      autoanswer: (b['autoanswer'] as boolean | undefined) ?? true,
      autoenteridle: (b['autoenteridle'] as boolean | undefined) ?? true,
      releasephone: (b['releasephone'] as boolean | undefined) ?? true,
      agenttype: (b['agenttype'] as 4 | 11 | undefined) ?? 4,
      status: (b['status'] as 3 | 4 | 5 | undefined) ?? 4,
      ip: (b['ip'] as string | undefined) ?? '127.0.0.1',
    },
  };
}
