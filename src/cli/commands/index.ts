/**
 * The commands of `ccgw`, in the order `ccgw --help` lists them. Each is imported only when invoked.
 */
import type { CommandEntry } from '../command.ts';

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'run', summary: 'The main job: rules, contracts, properties and load smoke against the mock (or a gateway), one report', load: async () => (await import('./run.ts')).runCommand },
  { name: 'mock', summary: 'Run the mock CC-Gateway (HTTP or HTTPS) with its admin API', load: async () => (await import('./mock.ts')).mockCommand },
  { name: 'verify', summary: 'Verify a gateway (or the mock) against the rules and the pact and, with --properties, the property checks', load: async () => (await import('./verify.ts')).verifyCommand },
  { name: 'calibrate', summary: 'Learn how a gateway answers the undocumented cases; write them as profileOverrides with evidence', load: async () => (await import('./calibrate.ts')).calibrateCommand },
  { name: 'load', summary: 'Run a k6 load scenario (smoke, barge-storm, throughput, soak) against the mock or a gateway', load: async () => (await import('./load.ts')).loadCommand },
  { name: 'bundle', summary: 'Write the vendor bundle: OpenAPI + HTML, pact, retcodes, rules (reproducible archive)', load: async () => (await import('./bundle.ts')).bundleCommand },
  { name: 'compare', summary: 'Compare two runs (old and new gateway); exit 1 when the second regressed', load: async () => (await import('./compare.ts')).compareCommand },
];
