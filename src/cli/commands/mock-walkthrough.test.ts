// The curl walkthrough of docs/mock-gateway.md, run as a reader would: `ccgw mock` as a process, the document's
// shell block pasted into bash (its port replaced by the mock's), and the output compared with the output the
// document shows, Guids and sign-in times aside.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockProcess, type RunningServer } from '../../gateway/testing/mock-process.ts';

const DOC = fileURLToPath(new URL('../../../docs/mock-gateway.md', import.meta.url));
const run = promisify(execFile);

/** The fenced block right after the HTML comment `<!-- walkthrough: NAME ... -->`. */
function block(doc: string, name: string): string {
  const m = new RegExp(`<!-- walkthrough: ${name}\\b[^>]*-->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (!m) throw new Error(`docs/mock-gateway.md has no "<!-- walkthrough: ${name} -->" block`);
  return m[1]!;
}

/** What differs from run to run: the Guids and the sign-in times. */
const normalise = (text: string) =>
  text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.AgentGateway\d+/g, '<guid>')
    .replace(/"loginTime":"\d+"/g, '"loginTime":"<time>"')
    .trimEnd();

let mock: RunningServer | undefined;

beforeAll(async () => {
  mock = await startMockProcess();
}, 120_000);

afterAll(() => mock?.stop());

describe('docs/mock-gateway.md: the curl walkthrough of the barge flow', () => {
  it('runs as written against a ccgw mock and prints what the document shows', async () => {
    const doc = readFileSync(DOC, 'utf8');
    const commands = block(doc, 'commands');
    expect(commands).toContain('http://127.0.0.1:8000/agentgateway/resource'); // the port a reader's mock listens on
    const script = commands.replaceAll('http://127.0.0.1:8000', mock!.url);

    const { stdout, stderr } = await run('bash', ['-e', '-c', script], { timeout: 60_000 });

    expect(stderr).toBe('');
    expect(normalise(stdout)).toBe(normalise(block(doc, 'output')));
    expect(stdout).toMatch(/^inspector Guid: [0-9a-f-]{36}\.AgentGateway\d+$/m);
  });
});
