/** What a handler answers: a status, headers, and a JSON object or a text body. */
export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string | string[]>>;
  readonly json?: unknown;
  /** `json` already serialized (the envelopes every call repeats); sent instead of serializing `json` again. */
  readonly jsonText?: string;
  readonly text?: string;
  /** For the call log: the retcode answered and the rule that decided. */
  readonly retcode?: string;
  readonly rule?: string;
  /** Nothing is sent: the caller went away (a long poll whose client disconnected). */
  readonly abandoned?: boolean;
}

/** A plain-text error answer (the servlet container's kind of answer). */
export function textReply(status: number, text: string, headers?: Record<string, string>): Reply {
  return { status, text: `${text}\n`, ...(headers ? { headers } : {}) };
}

/** `{message: '', retcode, result: {}}` as an object and as its text: most answers are one of these. */
export interface PlainEnvelope {
  readonly json: { readonly message: ''; readonly retcode: string; readonly result: Readonly<Record<string, never>> };
  readonly text: string;
}

/** The plain envelopes one mock has answered, by retcode (a few dozen at most), made and serialized once. */
export class PlainEnvelopes {
  readonly #byRetcode = new Map<string, PlainEnvelope>();

  of(retcode: string): PlainEnvelope {
    let plain = this.#byRetcode.get(retcode);
    if (plain === undefined) {
      const json = Object.freeze({ message: '' as const, retcode, result: Object.freeze({}) });
      this.#byRetcode.set(retcode, (plain = { json, text: JSON.stringify(json) }));
    }
    return plain;
  }
}
