/**
 * The parent side of contracts/provider/verify-child.ts: runs one pact verification in a child process and returns
 * its result and Pact's transcript (what Pact core printed, which never reaches this process's output). Used by
 * `ccgw run`/`ccgw verify` (whose --quiet and --json output must stay clean) and by the provider tests (whose
 * output must stay readable: the transcript is asserted on, not printed).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { redactText } from '../../src/report/redact.ts';
import type { GatewayVerification } from './contract-report.ts';
import { REPO_ROOT } from '../pact-names.ts';
import type { InteractionDone } from './run-verification.ts';
import type { ChildMessage, VerificationRequest } from './verify-child.ts';

export interface VerifyInChildOptions {
  /** Told as each interaction finishes in the child. */
  readonly onInteraction?: (done: InteractionDone) => void;
}

/** Pact's transcript without its colour codes. */
export function plainTranscript(transcript: string): string {
  return transcript.replace(/\x1b\[[0-9;]*m/g, '');
}

/** Runs the verification in a child process; resolves with its result and Pact's transcript. */
export function verifyInChildProcess(request: VerificationRequest, options: VerifyInChildOptions = {}): Promise<{ verification: GatewayVerification; transcript: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'contracts', 'provider', 'verify-child.ts')], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    });
    let transcript = '';
    let errors = '';
    let pending = '';
    let verification: GatewayVerification | undefined;
    const take = (line: string) => {
      if (line.trim() === '') return;
      const message = JSON.parse(line) as ChildMessage;
      if ('interaction' in message) options.onInteraction?.(message.interaction);
      else verification = message.result;
    };
    child.stdout!.on('data', (c: Buffer) => (transcript += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (errors += c.toString()));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (c: Buffer) => {
      pending += c.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      lines.forEach(take);
    });
    child.once('error', reject);
    child.once('close', (code) => {
      take(pending);
      if (code === 0 && verification) resolve({ verification, transcript });
      else {
        const secrets = [...new Set((request.fixtures?.accounts ?? []).map((a) => a.password))];
        const reason = errors.trim() || plainTranscript(transcript).trim().split('\n').slice(-5).join('\n');
        reject(new Error(`the pact verification process failed (exit ${code}): ${redactText(reason, { secrets })}`));
      }
    });
    child.stdin!.end(JSON.stringify(request));
  });
}
