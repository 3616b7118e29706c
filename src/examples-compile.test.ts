import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './paths.ts';

/**
 * `@example` blocks sit only on the entry points a user calls, and every one of them compiles. Each entry point is
 * named here with the reason a user reaches it; an example anywhere else fails the first test, so it is either
 * removed or its module is added here on purpose.
 */
const ENTRY_POINTS: Readonly<Record<string, string>> = {
  'src/client/gateway-client.ts': 'GatewayClient: drive a gateway from your own tests',
  'src/gateway/mock-gateway.ts': 'startMockGateway: embed the mock gateway in your own tests',
  'contracts/provider/verify-live.ts': 'verifyGateway: verify a gateway against the pact (contracts/README.md)',
  'properties/live/run-live-properties.ts': 'runLiveProperties: properties against a live gateway (properties/README.md)',
};

const SOURCE_DIRS = ['src', 'contracts', 'properties', 'load', 'scripts', 'test', 'bin'];
const SKIP_DIRS = new Set(['node_modules', 'generated', 'reports', 'runs']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(REPO_ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...sourceFiles(path));
    } else if (/\.(?:ts|mts|js|mjs)$/.test(entry.name)) {
      out.push(path);
    }
  }
  return out;
}

interface Example {
  readonly file: string;
  /** 1-based line of the `@example` tag. */
  readonly line: number;
  readonly code: string;
}

/** The `@example` sections of a file's TSDoc comments, with the code of their ```ts fences. */
function examplesOf(file: string): Example[] {
  const lines = readFileSync(join(REPO_ROOT, file), 'utf8').split('\n');
  const examples: Example[] = [];
  let inDoc = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s*\/\*\*/.test(line)) inDoc = true;
    if (inDoc && /^\s*\*\s*@example\b/.test(line)) {
      const code: string[] = [];
      let inFence = false;
      for (let j = i + 1; j < lines.length; j++) {
        const body = lines[j] ?? '';
        if (body.includes('*/')) break;
        const content = body.replace(/^\s*\*\s?/, '');
        if (content.trimStart().startsWith('```')) {
          if (inFence) break;
          inFence = true;
          continue;
        }
        if (inFence) code.push(content);
      }
      examples.push({ file, line: i + 1, code: code.join('\n') });
    }
    if (line.includes('*/')) inDoc = false;
  }
  return examples;
}

const all = SOURCE_DIRS.flatMap(sourceFiles).flatMap(examplesOf);

/** Type-checks each example as a module beside its source file, with the project's compiler options. */
function diagnosticsOf(examples: readonly Example[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(REPO_ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (config === undefined) throw new Error('tsconfig.json could not be read');
  const virtual = new Map<string, Example>();
  examples.forEach((example, n) => virtual.set(join(REPO_ROOT, dirname(example.file), `__example_${n}.ts`), example));
  const host = ts.createCompilerHost(config.options);
  const realGetSourceFile = host.getSourceFile.bind(host);
  const realFileExists = host.fileExists.bind(host);
  host.fileExists = (name) => virtual.has(name) || realFileExists(name);
  host.getSourceFile = (name, languageVersion, onError) => {
    const example = virtual.get(name);
    return example === undefined ? realGetSourceFile(name, languageVersion, onError) : ts.createSourceFile(name, `${example.code}\nexport {};\n`, languageVersion, true);
  };
  const program = ts.createProgram({ rootNames: [...virtual.keys()], options: config.options, host });
  return ts.getPreEmitDiagnostics(program).flatMap((d) => {
    const example = d.file === undefined ? undefined : virtual.get(d.file.fileName);
    if (example === undefined) return [];
    const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
    return [`${example.file}:${example.line} (example line ${line + 1}): ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`];
  });
}

describe('@example blocks', () => {
  it('appear only on the entry points a user calls', () => {
    const elsewhere = [...new Set(all.filter((e) => ENTRY_POINTS[e.file] === undefined).map((e) => `${e.file}:${e.line}`))];
    expect(elsewhere, 'remove these examples, or name the module in ENTRY_POINTS with the reason a user calls it').toEqual([]);
  });

  it('exist on every entry point named, with code in a ```ts fence', () => {
    for (const file of Object.keys(ENTRY_POINTS)) {
      const examples = all.filter((e) => e.file === file);
      expect(examples.length, `${file} has no @example`).toBeGreaterThan(0);
      for (const e of examples) expect(e.code.trim(), `${relative(REPO_ROOT, join(REPO_ROOT, e.file))}:${e.line} has no code`).not.toBe('');
    }
  });

  it('compile', () => {
    expect(diagnosticsOf(all)).toEqual([]);
  }, 120_000);
});
