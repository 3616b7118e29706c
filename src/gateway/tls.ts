/**
 * TLS for the mock: a given certificate and key, or a self-signed certificate generated at start for
 * `localhost`, `127.0.0.1` and `::1` (clients trust it by its PEM, never by turning verification off unasked);
 * and the protocol settings: TLS 1.2 with forward-secret AEAD suites only, TLS 1.3 with OpenSSL's suites.
 */
import type { SecureContextOptions, TlsOptions } from 'node:tls';
import { readErrorText, readTextFile } from '../io/read-text-file.ts';

/**
 * TLS 1.2 suites: ECDHE key exchange (forward secrecy) with AES-GCM or ChaCha20-Poly1305 (AEAD); no CBC, no static
 * RSA key exchange (AES128-SHA, AES256-SHA, AES128-SHA256 and the like are refused). TLS 1.3 suites (all
 * forward-secret AEAD) are left as OpenSSL sets them: a list without `TLS_` names does not change them.
 */
export const TLS12_CIPHERS = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
].join(':');

/** The protocol settings of the mock's HTTPS server. */
export const TLS_SERVER_OPTIONS: Pick<TlsOptions & SecureContextOptions, 'minVersion' | 'ciphers' | 'honorCipherOrder'> = {
  minVersion: 'TLSv1.2',
  ciphers: TLS12_CIPHERS,
  honorCipherOrder: true,
};

export interface TlsMaterial {
  readonly cert: string;
  readonly key: string;
}

/** A self-signed certificate for the loopback names, valid for 30 days from now. */
export async function selfSignedCertificate(): Promise<TlsMaterial> {
  // Loaded only when a certificate is generated: the library is large and most runs serve plain HTTP.
  const { generate } = await import('selfsigned');
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 30 * 24 * 3600 * 1000);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/** Reads a PEM certificate and key. Errors name the file that cannot be read. */
export async function readTlsFiles(certFile: string, keyFile: string): Promise<TlsMaterial> {
  const read = async (path: string, what: string) => {
    try {
      return await readTextFile(path);
    } catch (e) {
      throw new Error(`cannot read the TLS ${what} ${path} (${readErrorText(e)}); pass a PEM file`);
    }
  };
  const [cert, key] = await Promise.all([read(certFile, 'certificate'), read(keyFile, 'key')]);
  if (!cert.includes('BEGIN CERTIFICATE')) throw new Error(`${certFile} is not a PEM certificate`);
  if (!key.includes('PRIVATE KEY')) throw new Error(`${keyFile} is not a PEM private key`);
  return { cert, key };
}
