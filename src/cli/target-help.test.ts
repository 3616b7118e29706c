import { describe, expect, it } from 'vitest';
import { TARGET_OPTIONS } from '../config/settings.ts';
import { DEFAULT_LIVE_MAX_RPS } from '../shared/live-target.ts';
import { calibrateCommand } from './commands/calibrate.ts';
import { loadCommand } from './commands/load.ts';
import { runCommand } from './commands/run.ts';
import { verifyCommand } from './commands/verify.ts';
import { targetOptionsHelp, UNREACHABLE_EXIT_HELP } from './target-help.ts';

describe('the target options\' help', () => {
  it('names every target option and the shared default cap', () => {
    for (const flag of Object.keys(TARGET_OPTIONS)) expect(targetOptionsHelp()).toMatch(new RegExp(`^ {2}(?:.* {3})?--${flag}\\b`, 'm'));
    expect(targetOptionsHelp()).toContain(`request-rate cap (default ${DEFAULT_LIVE_MAX_RPS} against a live gateway)`);
  });

  it.each([runCommand, verifyCommand, loadCommand, calibrateCommand])('is the text of ccgw $name --help, with exit code 3', (command) => {
    const lines = targetOptionsHelp().split('\n');
    const at = command.usage.indexOf(lines[0]!);
    expect(at).toBeGreaterThan(0);
    expect(command.usage.slice(at).split('\n').slice(1, lines.length).filter((l, i) => l !== lines[i + 1] && !l.includes('--profile NAME'))).toEqual([]);
    expect(command.usage).toContain(UNREACHABLE_EXIT_HELP);
  });
});
