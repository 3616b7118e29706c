/**
 * What git says about the repository being bundled: the commit of HEAD, its commit time (the archive's file
 * time), and whether tracked files differ from it. A directory counts as a checkout only when it is the top
 * level of a git work tree; anything else (no git, not a repository, a sub-directory, no commit) gives undefined.
 */
import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** HEAD of a git checkout. */
export interface GitCheckout {
  /** `git rev-parse HEAD`. */
  readonly commit: string;
  /** `git log -1 --format=%ct`: committer time of HEAD, seconds since the epoch. */
  readonly commitTime: number;
  /** False when `git status --porcelain --untracked-files=no` lists a change to a tracked file. */
  readonly clean: boolean;
}

/** Reads HEAD of the checkout whose top level is `root`, or undefined when `root` is not one. */
export async function readGitCheckout(root: string): Promise<GitCheckout | undefined> {
  const git = async (...args: string[]) => (await run('git', ['--no-optional-locks', '-C', root, ...args], { env: gitEnv(), encoding: 'utf8', timeout: 30_000 })).stdout.trim();
  try {
    const [top, wanted] = await Promise.all([git('rev-parse', '--show-toplevel').then(realpath), realpath(root)]);
    if (top !== wanted) return undefined;
    const commit = await git('rev-parse', '--verify', 'HEAD');
    const commitTime = Number(await git('log', '-1', '--format=%ct'));
    const status = await git('status', '--porcelain', '--untracked-files=no');
    if (!/^[0-9a-f]{40,64}$/.test(commit) || !Number.isSafeInteger(commitTime)) return undefined;
    return { commit, commitTime, clean: status === '' };
  } catch {
    return undefined;
  }
}

/** The environment without the variables that would point git at another repository than `-C root`. */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C' };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_CEILING_DIRECTORIES']) delete env[name];
  return env;
}
