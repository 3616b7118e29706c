/**
 * Sign-in bodies (EN/cec_07_1202), valid and broken: every documented field present or absent, with a right value,
 * a value of the wrong type, or a value just outside its limits (password 32 characters, phonenum 24, counted in
 * Unicode code points; agenttype 4 or 11; status 3, 4 or 5; ip IPv4), plus bodies that are not objects at all and
 * unknown fields (which the gateway ignores).
 */
import * as fc from 'fast-check';

/** The credentials to use for "valid" password and phonenum values. */
export interface Credentials {
  readonly password: string;
  readonly phonenum: string;
}

const wrongType = fc.constantFrom<unknown>(null, 0, 1, true, false, [], {}, ['x'], { value: 'x' });

/** A string of exactly `n` code points, astral ones among them (so UTF-16 length and code points differ). */
function codePointsString(n: number): fc.Arbitrary<string> {
  return fc.string({ unit: 'binary', minLength: n, maxLength: n });
}

function textField(max: number, valid: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: valid },
    { weight: 1, arbitrary: codePointsString(max) },
    { weight: 1, arbitrary: codePointsString(max + 1) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: max + 2, maxLength: max * 3 }) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: wrongType },
  );
}

const booleanField = fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom<unknown>('true', 'false', 1, 0, null, 'yes') });

const agentTypeField = fc.oneof({ weight: 4, arbitrary: fc.constantFrom<unknown>(4, 11) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(0, 3, 5, 10, 12, -4, 4.5, '4', '11', null, true) });

const statusField = fc.oneof({ weight: 4, arbitrary: fc.constantFrom<unknown>(3, 4, 5) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(0, 1, 2, 6, 7, 8, 3.5, '4', null, false) });

const ipField = fc.oneof(
  { weight: 4, arbitrary: fc.ipV4() },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.constantFrom<unknown>('256.0.0.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '::1', 'localhost', ' 127.0.0.1', '127.0.0.1 ', '', 127001, null),
      fc.ipV6(),
      fc.ipV4Extended().filter((ip) => !/^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/.test(ip)),
    ),
  },
);

const optionalText = fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 1, arbitrary: wrongType });

/** Limits for bodies sent to a live gateway. */
export interface LiveBodyLimits {
  /** Always send the right password (wrong ones may lock the account). */
  readonly keepPassword: boolean;
  /** Never send callBackUri and serviceToken (both together switch the agent to push mode). */
  readonly noPushMode: boolean;
}

/**
 * Any sign-in body, valid or broken. With `credentials`, the "valid" password and phonenum are those; without,
 * any short string.
 */
export function signInBodyArb(credentials?: Credentials, limits: LiveBodyLimits = { keepPassword: false, noPushMode: false }): fc.Arbitrary<unknown> {
  const password =
    credentials && limits.keepPassword
      ? fc.constant(credentials.password)
      : textField(32, credentials ? fc.constant(credentials.password) : fc.string({ unit: 'binary', minLength: 1, maxLength: 32 }));
  const phonenum = textField(24, credentials ? fc.constant(credentials.phonenum) : fc.stringMatching(/^[0-9]{1,24}$/));
  const object = fc.record(
    {
      password,
      phonenum,
      autoanswer: booleanField,
      autoenteridle: booleanField,
      releasephone: booleanField,
      agenttype: agentTypeField,
      status: statusField,
      ip: ipField,
      entryIp: optionalText,
      phonelinkage: booleanField,
      checkInWebm: booleanField,
      checkInMailm: booleanField,
      ...(limits.noPushMode ? {} : { callBackUri: optionalText, serviceToken: optionalText }),
      listenStatus: fc.anything(),
      unknownField: fc.anything(),
    },
    { requiredKeys: [] },
  );
  const withCredentials = credentials ? object.map((b) => ({ password: credentials.password, phonenum: credentials.phonenum, ...b })) : object;
  if (limits.keepPassword) return withCredentials;
  const notAnObject = fc.oneof(fc.constantFrom<unknown>(null, [], 'password', 42, true), fc.array(fc.anything(), { maxLength: 3 }));
  return fc.oneof({ weight: 8, arbitrary: withCredentials }, { weight: 1, arbitrary: notAnObject });
}

/**
 * Bodies that any gateway accepts for the agent with `credentials`: the credentials, and each optional field
 * absent or with a documented value.
 */
export function validSignInBodyArb(credentials: Credentials): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record(
      {
        autoanswer: fc.boolean(),
        autoenteridle: fc.boolean(),
        releasephone: fc.boolean(),
        agenttype: fc.constantFrom(4, 11),
        status: fc.constantFrom(3, 4, 5),
        ip: fc.ipV4(),
        phonelinkage: fc.boolean(),
        checkInWebm: fc.boolean(),
        checkInMailm: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    .map((optional) => ({ password: credentials.password, phonenum: credentials.phonenum, ...optional }));
}
