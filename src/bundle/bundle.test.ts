import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRulesRun, sampleRun } from '../report/testing/sample-runs.ts';
import { ARCHIVE_ROOT, buildBundle, type Bundle } from './bundle.ts';
import { sha256Hex } from './checksums.ts';
import { rulesMarkdown } from './rules-document.ts';
import { runCoverageMarkdown } from './run-coverage.ts';
import { tempRepository, minimalPact, type TempRepository } from './testing/temp-repository.ts';
import { writeBundle, type WrittenBundle } from './write-bundle.ts';

const EXPECTED_FILES = [
  'README.md',
  'SHA256SUMS',
  'VERSIONS.txt',
  'openapi/ccgw-agentgateway.yaml',
  'openapi/index.html',
  'pact/ccgw-harness-cc-gateway.json',
  'retcodes.csv',
  'retcodes.md',
  'rules.md',
];

/** The mtime field (octal, offset 136) of every header in an uncompressed tar. */
function tarMtimes(tar: Buffer): number[] {
  const out: number[] = [];
  for (let at = 0; at + 512 <= tar.length && tar[at] !== 0; ) {
    const size = parseInt(tar.subarray(at + 124, at + 135).toString('ascii'), 8);
    out.push(parseInt(tar.subarray(at + 136, at + 147).toString('ascii'), 8));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

describe('the vendor bundle of a repository with a pact', () => {
  let repo: TempRepository;
  let first: Bundle;
  let runs: WrittenBundle[];
  const text = (b: Bundle, path: string) => b.files.find((f) => f.path === path)!.bytes.toString('utf8');

  beforeAll(async () => {
    repo = await tempRepository({ pacts: { 'ccgw-harness-cc-gateway.json': minimalPact() } });
    first = await buildBundle({ root: repo.root, env: {} });
    runs = [];
    for (const run of ['one', 'two']) {
      const bundle = run === 'one' ? first : await buildBundle({ root: repo.root, env: {} });
      runs.push(await writeBundle(bundle, { outDir: join(repo.scratch, run, 'vendor-bundle'), archivePath: join(repo.scratch, run, 'bundle.tar.gz') }));
    }
  });
  afterAll(() => repo.remove());

  it('writes byte-identical archives on two runs', async () => {
    const [a, b] = await Promise.all(runs.map((r) => readFile(r.archivePath)));
    expect(a!.length).toBeGreaterThan(10_000);
    expect(a!.equals(b!)).toBe(true);
  });

  it('writes byte-identical directories on two runs', async () => {
    for (const path of EXPECTED_FILES) {
      const [a, b] = await Promise.all(runs.map((r) => readFile(join(r.outDir, ...path.split('/')))));
      expect(a!.equals(b!), path).toBe(true);
    }
  });

  it('holds the expected files, listed by the system tar -tzf under one top directory', () => {
    const listing = execFileSync('tar', ['-tzf', runs[0]!.archivePath], { encoding: 'utf8' }).trim().split('\n');
    const expected = [`${ARCHIVE_ROOT}/`, ...EXPECTED_FILES.map((f) => `${ARCHIVE_ROOT}/${f}`), `${ARCHIVE_ROOT}/openapi/`, `${ARCHIVE_ROOT}/pact/`];
    expect([...listing].sort()).toEqual([...expected].sort());
    expect(first.files.map((f) => f.path)).toEqual(EXPECTED_FILES);
  });

  it('extracts with the system tar to the bundle directory, and its SHA256SUMS checks', async () => {
    const out = await mkdtemp(join(tmpdir(), 'ccgw-bundle-x-'));
    try {
      execFileSync('tar', ['-xzf', runs[0]!.archivePath, '-C', out]);
      const extracted = join(out, ARCHIVE_ROOT);
      expect((await readdir(extracted)).sort()).toEqual((await readdir(runs[0]!.outDir)).sort());
      for (const path of EXPECTED_FILES) expect((await readFile(join(extracted, path))).equals(await readFile(join(runs[0]!.outDir, path))), path).toBe(true);
      const check = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: extracted, encoding: 'utf8' });
      expect(check.trim().split('\n')).toHaveLength(EXPECTED_FILES.length - 1);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('stamps every entry with file time 0 outside a git checkout, and uid/gid 0', () => {
    const tar = gunzipSync(first.archive);
    expect(new Set(tarMtimes(tar))).toEqual(new Set([0]));
    expect(tar.subarray(108, 124).toString('ascii')).toBe('0000000\u00000000000\u0000');
  });

  it('copies the OpenAPI document and the pact verbatim', async () => {
    expect(first.files.find((f) => f.path === 'openapi/ccgw-agentgateway.yaml')!.bytes.equals(await readFile(join(repo.root, 'openapi', 'ccgw-agentgateway.yaml')))).toBe(true);
    expect(first.files.find((f) => f.path === 'pact/ccgw-harness-cc-gateway.json')!.bytes.equals(await readFile(join(repo.root, 'contracts', 'pacts', 'ccgw-harness-cc-gateway.json')))).toBe(true);
  });

  it('renders the OpenAPI document to a self-contained page that loads no remote script and reports no telemetry', () => {
    const html = text(first, 'openapi/index.html');
    expect(html).toContain('<title>Huawei CC-Gateway (agentgateway)');
    expect(html).toContain('addinsert');
    expect(html).not.toMatch(/<script\b[^>]*\bsrc=/i);
    expect(html).toContain('"disableTelemetry":true');
    // The vendor reads every link and server on the page: none may be a placeholder.
    expect(html).not.toMatch(/https?:\/\/[^"'\s<>]*\.invalid\b/);
  });

  it('states the versions in VERSIONS.txt: harness, no commit outside git, OpenAPI, Pact specification, tools', () => {
    const versions = text(first, 'VERSIONS.txt');
    expect(versions).toContain('harness: ccgw-harness ');
    expect(versions).toContain('git-commit: unknown (not a git checkout)');
    expect(versions).toContain('openapi-info-version: 1.0.0\n');
    expect(versions).toContain('pact-specification: 4.0 (pact/ccgw-harness-cc-gateway.json)\n');
    expect(versions).toMatch(/^redocly-cli: \d+\.\d+\.\d+$/m);
    expect(versions).toMatch(/^pact-foundation-pact: \d+\.\d+\.\d+$/m);
  });

  it('tells the vendor in README.md how to lint, how to verify against the pact, and that inferred answers need their confirmation', () => {
    const readme = text(first, 'README.md');
    expect(readme).toMatch(/npx --yes @redocly\/cli@\d+\.\d+\.\d+ lint --extends recommended-strict openapi\/ccgw-agentgateway.yaml/);
    expect(readme).toContain('pact-verifier \\\n  --file pact/ccgw-harness-cc-gateway.json --provider-name cc-gateway');
    expect(readme).toContain('#### `inspector 30169 and agent 30170 are signed in, the inspector idle`\n\nInteractions:\n\n- a barge by a signed-in idle inspector\n');
    expect(readme).toContain('This version of ccgw-harness does not describe this state; ask us for the bundle that matches the pact.');
    expect(readme).toContain('**We ask Huawei to confirm or correct each inferred answer.**');
  });

  it('holds rules.md with addInsert\'s precedence and retcodes.csv with its documented codes', () => {
    expect(text(first, 'rules.md')).toContain('documented in EN/cec_07_2401: "The inspector is in idle state."');
    expect(text(first, 'retcodes.csv')).toContain('addInsert,PUT,/agentgateway/resource/qualitycontrol/{agentid}/addinsert/{workNo},900-005,documented,');
  });
});

describe('the vendor bundle and time', () => {
  it('depends on the time only through the archive entries\' file time (SOURCE_DATE_EPOCH here)', async () => {
    const repo = await tempRepository({ pacts: { 'a.json': minimalPact() } });
    try {
      const [a, b] = await Promise.all([buildBundle({ root: repo.root, env: { SOURCE_DATE_EPOCH: '1' } }), buildBundle({ root: repo.root, env: { SOURCE_DATE_EPOCH: '1700000000' } })]);
      expect(a.files.map((f) => f.bytes.toString('base64'))).toEqual(b.files.map((f) => f.bytes.toString('base64')));
      expect(new Set(tarMtimes(a.tar))).toEqual(new Set([1]));
      expect(new Set(tarMtimes(b.tar))).toEqual(new Set([1700000000]));
    } finally {
      await repo.remove();
    }
  });

  it('takes the file time and VERSIONS.txt commit from git HEAD in a git checkout', async () => {
    const repo = await tempRepository({ pacts: { 'a.json': minimalPact() } });
    try {
      const git = (...args: string[]) =>
        execFileSync('git', ['-C', repo.root, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
          encoding: 'utf8',
          env: { ...process.env, GIT_COMMITTER_DATE: '1700000000 +0000', GIT_AUTHOR_DATE: '1700000000 +0000' },
        });
      git('init', '-q');
      git('add', '.');
      git('commit', '-q', '-m', 'fixture');
      const commit = git('rev-parse', 'HEAD').trim();
      const bundle = await buildBundle({ root: repo.root, env: {} });
      expect(new Set(tarMtimes(bundle.tar))).toEqual(new Set([1700000000]));
      const versions = bundle.files.find((f) => f.path === 'VERSIONS.txt')!.bytes.toString('utf8');
      expect(versions).toContain(`git-commit: ${commit}\ngit-working-tree: clean\n`);
      expect(versions).toContain('archive-file-times: the commit time of git-commit\n');
    } finally {
      await repo.remove();
    }
  });
});

describe('the vendor bundle without a pact', () => {
  it('is refused unless allowed; when allowed its README and VERSIONS.txt say the pact is missing', async () => {
    const repo = await tempRepository();
    try {
      await expect(buildBundle({ root: repo.root, env: {} })).rejects.toThrow('run npm run pact:update to write contracts/pacts/');
      const bundle = await buildBundle({ root: repo.root, env: {}, allowMissingPact: true });
      expect(bundle.files.some((f) => f.path.startsWith('pact/'))).toBe(false);
      expect(bundle.files.find((f) => f.path === 'README.md')!.bytes.toString('utf8')).toContain('**The pact is missing from this bundle.**');
      expect(bundle.files.find((f) => f.path === 'VERSIONS.txt')!.bytes.toString('utf8')).toContain('pact-specification: none (no pact in this bundle)');
    } finally {
      await repo.remove();
    }
  });
});

describe('the vendor bundle with the rule coverage of a run', () => {
  it('ends rules.md with the run\'s matrix, byte for byte the same on two builds, and leaves every other document as without it', async () => {
    const repo = await tempRepository({ pacts: { 'a.json': minimalPact() } });
    try {
      const [plain, a, b] = await Promise.all([
        buildBundle({ root: repo.root, env: {} }),
        buildBundle({ root: repo.root, env: {}, run: sampleRulesRun() }),
        buildBundle({ root: repo.root, env: {}, run: sampleRulesRun() }),
      ]);
      expect(a.archive.equals(b.archive)).toBe(true);
      const file = (x: Bundle, path: string) => x.files.find((f) => f.path === path)!.bytes.toString('utf8');
      expect(file(plain, 'rules.md')).toBe(rulesMarkdown());
      expect(file(a, 'rules.md')).toBe(rulesMarkdown() + runCoverageMarkdown(sampleRulesRun()));
      expect(file(a, 'README.md')).toContain('It ends with the rule coverage of run `20261126T080000Z-live`');
      expect(file(plain, 'README.md')).not.toContain('rule coverage of run');
      for (const path of ['VERSIONS.txt', 'retcodes.md', 'openapi/index.html']) expect(file(a, path), path).toBe(file(plain, path));
      expect(file(a, 'SHA256SUMS')).toContain(`${sha256Hex(Buffer.from(file(a, 'rules.md'), 'utf8'))}  rules.md`);
      expect(gunzipSync(a.archive).toString('latin1')).not.toContain('10.0.0.5');
    } finally {
      await repo.remove();
    }
  });

  it('refuses a run that has no rule coverage, naming the run', async () => {
    await expect(buildBundle({ root: '/nonexistent', env: {}, run: sampleRun() })).rejects.toThrow('run 20261125T100000Z-mock has no rule coverage (no phase with a coverage matrix)');
  });
});
