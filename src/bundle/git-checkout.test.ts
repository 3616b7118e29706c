import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readGitCheckout } from './git-checkout.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ccgw-git-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Creates a repository in `dir` with one commit dated 2023-11-14T22:13:20Z. */
async function commitOnce(): Promise<string> {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
      encoding: 'utf8',
      env: { ...process.env, GIT_COMMITTER_DATE: '1700000000 +0000', GIT_AUTHOR_DATE: '1700000000 +0000' },
    });
  git('init', '-q');
  await writeFile(join(dir, 'file.txt'), 'one\n');
  git('add', 'file.txt');
  git('commit', '-q', '-m', 'one');
  return git('rev-parse', 'HEAD').trim();
}

describe('readGitCheckout', () => {
  it('reads the commit of HEAD and its commit time, and sees a clean tree', async () => {
    const commit = await commitOnce();
    expect(await readGitCheckout(dir)).toEqual({ commit, commitTime: 1700000000, clean: true });
  });

  it('sees a change to a tracked file, but not an untracked file', async () => {
    await commitOnce();
    await writeFile(join(dir, 'untracked.txt'), 'new\n');
    expect((await readGitCheckout(dir))?.clean).toBe(true);
    await writeFile(join(dir, 'file.txt'), 'two\n');
    expect((await readGitCheckout(dir))?.clean).toBe(false);
  });

  it('says nothing for a directory that is not a git checkout', async () => {
    expect(await readGitCheckout(dir)).toBeUndefined();
  });

  it('says nothing for a sub-directory of a checkout: only the top level counts', async () => {
    await commitOnce();
    await mkdir(join(dir, 'sub'));
    expect(await readGitCheckout(join(dir, 'sub'))).toBeUndefined();
  });
});
