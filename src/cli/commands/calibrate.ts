/**
 * `ccgw calibrate`: learns how a gateway answers the situations the documents leave open, and writes them as a
 * config file a later `ccgw run --config FILE` holds any gateway to.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { calibrate, type CalibrationResult } from '../../../contracts/rules/calibration.ts';
import type { RuleSuiteResult } from '../../../contracts/rules/run-suite.ts';
import type { ConfigDocument } from '../../config/config-document.ts';
import { readConfigFile, resolveSettings, TARGET_OPTIONS } from '../../config/settings.ts';
import { overridesOf, withOverrides, type Profile } from '../../domain/profiles.ts';
import { createProgress } from '../../run/progress.ts';
import { rulesPhase } from '../../run/rules-phase.ts';
import { runPhases } from '../../run/run-phases.ts';
import { checkWritableFile } from '../../run/writable-paths.ts';
import type { Command } from '../command.ts';
import { targetOptionsHelp, UNREACHABLE_EXIT_HELP } from '../target-help.ts';
import type { CommandIo } from '../../io/command-io.ts';
import { UsageError } from '../../io/errors.ts';
import { parseOptions } from '../../io/options.ts';

const DEFAULT_WRITE = 'ccgw.calibrated.json';

const USAGE = `Usage: ccgw calibrate [options]

Learns how a gateway answers the situations the documents leave open (which retcode for a target that is not
signed in, for a path ID the gateway's pattern refuses, …). It runs the rule suite in learning mode: documented
rules are still enforced, and where a rule's answer is a profile setting with candidates (src/domain/profiles.ts)
the answer the gateway gives is recorded. It writes a config file with those profileOverrides and the evidence for
each (the call, the answer, the time), and a run directory. A later \`ccgw run --config FILE\` holds any gateway to
what this one did: calibrate on the old gateway, then verify the new one against it.

The written file keeps the other settings of --config (or ./ccgw.config.json), but never a gateway URL: name the
gateway of each run on its command line.

Exit 0 when every setting observed was answered one way and every documented rule held; 1 when a documented rule
failed, a setting was answered two ways, or an answer is none of a setting's candidates; 2 on a usage error;
${UNREACHABLE_EXIT_HELP}

Options:
  --write FILE         the config file to write (default ${DEFAULT_WRITE})
${targetOptionsHelp('the profile the answers are compared with')}
  --wait-timeouts      also check what takes the gateway's timeouts (a Guid expired after its rotation, an agent
                       signed out after 2 minutes without a poll): about 5 minutes of real time
  --quiet              print only failures and the result
  --json               print the calibration as JSON and nothing else

Examples:
  ccgw calibrate --gateway http://127.0.0.1:8000 --fixtures src/fixtures/demo.json
  ccgw calibrate --gateway https://old-gw:8043 --fixtures qa-accounts.json --live --ca gw-ca.pem --write old-gw.json`;

/** The lines that tell a person what was found. */
function describe(found: CalibrationResult, profile: Profile): string[] {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(found.overrides)) {
    const calls = found.evidence[name as keyof typeof found.evidence]?.length ?? 0;
    lines.push(`  ${name}: ${value} (the profile says ${profile.answers[name as keyof Profile['answers']].value}; seen in ${calls} call${calls === 1 ? '' : 's'})`);
  }
  if (found.confirmed.length) lines.push(`  as the profile says: ${found.confirmed.map((n) => `${n} ${profile.answers[n].value}`).join(', ')}`);
  for (const c of found.conflicts) lines.push(`  ${c.setting} was answered in more than one way: ${Object.entries(c.answers).map(([a, ids]) => `${a} (${ids.join(', ')})`).join('; ')}; none is written`);
  for (const u of found.unknown) lines.push(`  ${u.setting}: ${u.answer} in ${u.caseId} is none of its candidates (${u.candidates.join(', ')})`);
  if (found.unobserved.length) lines.push(`  not observed (the profile's answer stays): ${found.unobserved.join(', ')}`);
  return lines;
}

export const calibrateCommand: Command = {
  name: 'calibrate',
  usage: USAGE,
  async run(argv: string[], io: CommandIo): Promise<number> {
    const { values } = parseOptions('calibrate', argv, {
      ...TARGET_OPTIONS,
      write: { type: 'string' },
      'wait-timeouts': { type: 'boolean' },
      quiet: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (values.write === '') throw new UsageError('calibrate', '--write needs a file name, e.g. --write old-gw.json');
    const settings = await resolveSettings('calibrate', values, io);
    const path = resolve(io.cwd, values.write ?? DEFAULT_WRITE);
    await checkWritableFile('calibrate', '--write', path);
    const configPath = values.config ?? io.env['CCGW_CONFIG'];
    const base: ConfigDocument = (await readConfigFile('calibrate', resolve(io.cwd, configPath ?? 'ccgw.config.json'), configPath !== undefined)) ?? {};
    const progress = createProgress(io, { quiet: values.quiet ?? false, json: values.json ?? false });
    let suite: RuleSuiteResult | undefined;
    let gatewayUrl = '';
    const result = await runPhases({
      command: 'calibrate',
      settings,
      io: { ...io, out: values.json ? () => {} : io.out },
      progress,
      steps: [
        {
          name: 'rules',
          run: async ({ target, signal }) => {
            gatewayUrl = target.url;
            const { phase, result: r } = await rulesPhase({ target, settings, progress, signal, waitForTimeouts: values['wait-timeouts'] ?? false, learn: true });
            suite = r;
            return phase;
          },
        },
      ],
      idParts: ['calibrate'],
      json: false,
    });
    if (!suite) return 1;
    const found = calibrate(suite.observations, settings.profile);
    // The file holds overrides of the base profile: the settings' own overrides, then what was observed.
    const calibrated = withOverrides(settings.profile, { answers: found.overrides });
    const overrides = overridesOf(calibrated);
    const document: ConfigDocument = {
      ...base,
      profileOverrides: { ...base.profileOverrides, answers: overrides.answers ?? {} },
      calibration: {
        at: new Date().toISOString(),
        gateway: gatewayUrl,
        profile: settings.profile.name,
        runId: result.files.dir.split(/[\\/]/).pop() ?? '',
        evidence: found.evidence as Record<string, never[]>,
        ...(found.unobserved.length ? { unobserved: [...found.unobserved] } : {}),
      },
    };
    await writeFile(path, `${JSON.stringify(document, null, 2)}\n`);
    const settled = found.conflicts.length === 0 && found.unknown.length === 0;
    if (values.json) io.out(JSON.stringify({ outcome: result.outcome === 'passed' && settled ? 'calibrated' : 'failed', written: path, ...found }, null, 2));
    else {
      progress.result(`calibration of ${gatewayUrl} under ${settings.profile.name}:`);
      for (const line of describe(found, settings.profile)) progress.result(line);
      progress.result(`wrote ${path}: hold a gateway to it with ccgw run --config ${values.write ?? DEFAULT_WRITE}`);
    }
    return result.outcome === 'passed' && settled && !result.interrupted ? 0 : 1;
  },
};
