/** The model commands, one file per operation, and their arbitraries. */
export { ModelCommand } from './model-command.ts';
export { SignIn } from './sign-in.ts';
export { StateChange } from './state-change.ts';
export { Qc } from './qc.ts';
export { Poll } from './poll.ts';
export { Status } from './status.ts';
export { SignOut } from './sign-out.ts';
export { modelCommandArbs, type CommandOptions } from './command-arbitraries.ts';
