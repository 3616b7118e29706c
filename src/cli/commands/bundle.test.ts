import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleCommand, createBundleCommand } from './bundle.ts';
import { memoryIo } from '../../io/command-io.ts';
import { UsageError } from '../../io/errors.ts';
import { sampleRulesRun, sampleRun } from '../../report/testing/sample-runs.ts';
import { writeRun } from '../../report/write-run.ts';
import { runCoverageMarkdown } from '../../bundle/run-coverage.ts';
import { minimalPact, tempRepository, type TempRepository } from '../../bundle/testing/temp-repository.ts';

const repos: TempRepository[] = [];
afterEach(async () => {
  for (const r of repos.splice(0)) await r.remove();
});

async function repoWith(pacts?: Record<string, unknown>): Promise<TempRepository> {
  const repo = await tempRepository(pacts ? { pacts } : {});
  repos.push(repo);
  return repo;
}

describe('ccgw bundle', () => {
  it('has --help text with an example', () => {
    expect(bundleCommand.name).toBe('bundle');
    expect(bundleCommand.usage).toContain('Usage: ccgw bundle [--out DIR] [--archive FILE] [--allow-missing-pact]');
    expect(bundleCommand.usage).toMatch(/Examples:\n {2}ccgw bundle\n/);
  });

  it('exits 1 without a pact, naming the fix, and writes nothing', async () => {
    const repo = await repoWith();
    const io = memoryIo({}, repo.scratch);
    expect(await createBundleCommand({ root: repo.root }).run([], io)).toBe(1);
    expect(io.errors.join('\n')).toContain('ccgw bundle: no pact file in contracts/pacts/: run npm run pact:update to write contracts/pacts/');
    expect(existsSync(join(repo.root, 'dist'))).toBe(false);
  });

  it('exits 1 and refuses a pact that holds a real password, without printing it', async () => {
    const repo = await repoWith({ 'a.json': minimalPact({ password: 'Huawei@123' }) });
    const io = memoryIo({}, repo.scratch);
    expect(await createBundleCommand({ root: repo.root }).run(['--out', 'b', '--archive', 'b.tar.gz'], io)).toBe(1);
    expect(io.errors.join('\n')).toContain('refusing to bundle: contracts/pacts/a.json has a password-like value at $.interactions[0].request.body.content.password');
    expect([...io.lines, ...io.errors].join('\n')).not.toContain('Huawei@123');
    expect(existsSync(join(repo.scratch, 'b.tar.gz'))).toBe(false);
  });

  it('writes the directory and the archive (relative paths from the current directory), and reports the checksum', async () => {
    const repo = await repoWith({ 'a.json': minimalPact() });
    const io = memoryIo({}, repo.scratch);
    expect(await createBundleCommand({ root: repo.root }).run(['--out', 'vendor', '--archive', 'out/vendor.tar.gz'], io)).toBe(0);
    expect(io.lines[0]).toBe('ccgw bundle: wrote vendor/ (9 files) and out/vendor.tar.gz');
    expect(io.lines[1]).toMatch(/^ {2}archive sha256 [0-9a-f]{64} /);
    expect(existsSync(join(repo.scratch, 'vendor', 'rules.md'))).toBe(true);
    expect(existsSync(join(repo.scratch, 'out', 'vendor.tar.gz'))).toBe(true);
  });

  it('writes to dist/ of the repository by default and replaces its previous bundle on a second run', async () => {
    const repo = await repoWith({ 'a.json': minimalPact() });
    const command = createBundleCommand({ root: repo.root });
    expect(await command.run([], memoryIo({}, repo.scratch))).toBe(0);
    const archive = await readFile(join(repo.root, 'dist', 'ccgw-addinsert-contract.tar.gz'));
    await writeFile(join(repo.root, 'dist', 'vendor-bundle', 'stale.txt'), 'left over');
    expect(await command.run([], memoryIo({}, repo.scratch))).toBe(0);
    expect(existsSync(join(repo.root, 'dist', 'vendor-bundle', 'stale.txt'))).toBe(false);
    expect((await readFile(join(repo.root, 'dist', 'ccgw-addinsert-contract.tar.gz'))).equals(archive)).toBe(true);
  });

  it('refuses, as a usage error, to replace a directory that holds something other than a bundle', async () => {
    const repo = await repoWith({ 'a.json': minimalPact() });
    await mkdir(join(repo.scratch, 'mine'));
    await writeFile(join(repo.scratch, 'mine', 'notes.txt'), 'keep me');
    const io = memoryIo({}, repo.scratch);
    const run = createBundleCommand({ root: repo.root }).run(['--out', 'mine', '--archive', 'x.tar.gz'], io);
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toThrow(/refusing to replace .*mine: it is not empty and holds no previous bundle/);
    expect(await readFile(join(repo.scratch, 'mine', 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('refuses, as a usage error, an archive inside the bundle directory', async () => {
    const repo = await repoWith({ 'a.json': minimalPact() });
    const run = createBundleCommand({ root: repo.root }).run(['--out', 'b', '--archive', 'b/b.tar.gz'], memoryIo({}, repo.scratch));
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toThrow('choose an --archive outside --out');
  });

  // Written beside and renamed over: over /dev/null that would replace the device (as root) with the archive.
  it.runIf(process.platform !== 'win32')('refuses, as a usage error, an archive path that is a pipe or device, and leaves it as it was', async () => {
    const repo = await repoWith({ 'a.json': minimalPact() });
    const fifo = join(repo.scratch, 'pipe.tar.gz');
    execFileSync('mkfifo', [fifo]);
    const run = createBundleCommand({ root: repo.root }).run(['--out', 'b', '--archive', fifo], memoryIo({}, repo.scratch));
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toThrow(`--archive ${fifo} is not a regular file (a device, pipe or socket); choose a file path for the archive`);
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    expect(existsSync(join(repo.scratch, 'b'))).toBe(false);
  });

  it('rejects an unknown flag and an empty path as usage errors', async () => {
    const repo = await repoWith({ 'a.json': minimalPact() });
    const command = createBundleCommand({ root: repo.root });
    await expect(command.run(['--zip'], memoryIo({}, repo.scratch))).rejects.toBeInstanceOf(UsageError);
    await expect(command.run(['--out', ''], memoryIo({}, repo.scratch))).rejects.toThrow('--out "" is empty');
  });

  it('exits 1 naming a SOURCE_DATE_EPOCH that is not a number of seconds', async () => {
    const repo = await repoWith({ 'a.json': minimalPact() });
    const io = memoryIo({ SOURCE_DATE_EPOCH: 'tomorrow' }, repo.scratch);
    expect(await createBundleCommand({ root: repo.root }).run(['--out', 'b', '--archive', 'b.tar.gz'], io)).toBe(1);
    expect(io.errors.join('\n')).toContain('SOURCE_DATE_EPOCH "tomorrow" is not a whole number of seconds');
  });

  it('ends rules.md with the coverage of the run given by --run (relative to the current directory) and says so', async () => {
    const repo = await repoWith({ 'a.json': minimalPact() });
    await writeRun(join(repo.scratch, 'runs', 'r1'), sampleRulesRun());
    const io = memoryIo({}, repo.scratch);
    expect(await createBundleCommand({ root: repo.root }).run(['--out', 'vendor', '--archive', 'vendor.tar.gz', '--run', 'runs/r1'], io)).toBe(0);
    const rules = await readFile(join(repo.scratch, 'vendor', 'rules.md'), 'utf8');
    expect(rules.endsWith(runCoverageMarkdown(sampleRulesRun()))).toBe(true);
    expect(io.lines).toContain('  rules.md ends with the rule coverage of run 20261126T080000Z-live: 135 rules: 117 passed, 5 failed, 13 skipped; 96 documented, 39 inferred');
    const again = memoryIo({}, repo.scratch);
    expect(await createBundleCommand({ root: repo.root }).run(['--out', 'vendor2', '--archive', 'vendor2.tar.gz', '--run', 'runs/r1/summary.json'], again)).toBe(0);
    expect((await readFile(join(repo.scratch, 'vendor2.tar.gz'))).equals(await readFile(join(repo.scratch, 'vendor.tar.gz')))).toBe(true);
  });

  it('rejects a --run that is missing, not a run, or a run without rule coverage as usage errors naming it, and writes nothing', async () => {
    const repo = await repoWith({ 'a.json': minimalPact() });
    const command = createBundleCommand({ root: repo.root });
    const io = () => memoryIo({}, repo.scratch);
    await expect(command.run(['--out', 'b', '--archive', 'b.tar.gz', '--run', 'runs/nope'], io())).rejects.toThrow(
      new UsageError('bundle', `--run "runs/nope": run directory ${join(repo.scratch, 'runs', 'nope')} does not exist; pass a directory written by \`ccgw run\` (it holds summary.json)`),
    );
    await mkdir(join(repo.scratch, 'bad'));
    await writeFile(join(repo.scratch, 'bad', 'summary.json'), '{"schemaVersion":1}');
    await expect(command.run(['--run', 'bad'], io())).rejects.toThrow(/^--run "bad": .*bad\/summary\.json is not a valid ccgw run summary:\n {2}- runId is missing/);
    await writeRun(join(repo.scratch, 'old'), sampleRun());
    await expect(command.run(['--run', 'old'], io())).rejects.toBeInstanceOf(UsageError);
    await expect(command.run(['--run', 'old'], io())).rejects.toThrow(`--run "old": run 20261125T100000Z-mock (${join(repo.scratch, 'old')}) has no rule coverage, no phase with a coverage matrix; pass a run whose ccgw run included the rules phase`);
    await expect(command.run(['--run', ''], io())).rejects.toThrow('--run "" is empty');
    expect(existsSync(join(repo.scratch, 'b'))).toBe(false);
    expect(existsSync(join(repo.root, 'dist'))).toBe(false);
  });
});

