/**
 * TLS options of the client, checked once when the client is created. An untrusted certificate is refused unless
 * `insecure: true` is given explicitly.
 */
import { readErrorText, readTextFileSync } from '../io/read-text-file.ts';

/** How to trust the gateway's certificate. */
export interface TlsOptions {
  /** Path of a PEM file with the CA certificate(s) to trust (the CLI's `--ca FILE`). Replaces Node's default roots. */
  readonly caFile?: string;
  /** PEM text of the CA certificate(s) to trust, in addition to `caFile`. Replaces Node's default roots. */
  readonly ca?: string | Buffer;
  /** `true` accepts any certificate, trusted or not (the CLI's `--insecure`). Default false. */
  readonly insecure?: boolean;
  /** The name to send in SNI and to verify the certificate against, when it differs from the URL's host. */
  readonly servername?: string;
}

/** The options handed to `https.Agent`. */
export interface ResolvedTls {
  readonly ca?: string[];
  readonly rejectUnauthorized: boolean;
  readonly servername?: string;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/** Checks TLS options and reads `caFile`. Throws a TypeError naming the bad option and the fix. */
export function resolveTls(tls: TlsOptions | undefined): ResolvedTls {
  if (tls === undefined) return { rejectUnauthorized: true };
  if (tls === null || typeof tls !== 'object') throw new TypeError(`tls must be an object like { caFile: 'ca.pem' }, not ${JSON.stringify(tls)}`);
  if (tls.insecure !== undefined && typeof tls.insecure !== 'boolean') {
    throw new TypeError(`tls.insecure must be true or false, not ${JSON.stringify(tls.insecure)}; only insecure: true skips certificate verification`);
  }
  if (tls.servername !== undefined && (typeof tls.servername !== 'string' || tls.servername === '')) {
    throw new TypeError(`tls.servername must be a non-empty host name, not ${JSON.stringify(tls.servername)}`);
  }
  const ca: string[] = [];
  if (tls.caFile !== undefined) {
    if (typeof tls.caFile !== 'string' || tls.caFile === '') throw new TypeError(`tls.caFile must be the path of a PEM file, not ${JSON.stringify(tls.caFile)}`);
    let text: string;
    try {
      text = readTextFileSync(tls.caFile);
    } catch (e) {
      throw new TypeError(`tls.caFile ${JSON.stringify(tls.caFile)} cannot be read (${readErrorText(e)}); give the path of the gateway's CA certificate in PEM format`);
    }
    ca.push(pemCertificates(text, `tls.caFile ${JSON.stringify(tls.caFile)}`));
  }
  if (tls.ca !== undefined) {
    if (typeof tls.ca !== 'string' && !Buffer.isBuffer(tls.ca)) throw new TypeError('tls.ca must be PEM text (a string or a Buffer)');
    ca.push(pemCertificates(tls.ca.toString('utf8'), 'tls.ca'));
  }
  return {
    ...(ca.length > 0 ? { ca } : {}),
    rejectUnauthorized: tls.insecure !== true,
    ...(tls.servername !== undefined ? { servername: tls.servername } : {}),
  };
}

function pemCertificates(text: string, what: string): string {
  if (!PEM_CERTIFICATE.test(text)) {
    throw new TypeError(
      `${what} holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" block); ` +
        'convert a DER certificate with `openssl x509 -inform der -in cert.der -out cert.pem`',
    );
  }
  return text;
}
