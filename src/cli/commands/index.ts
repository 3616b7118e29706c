/**
 * The commands of `ccgw`, in the order `ccgw --help` lists them.
 */
import type { Command } from '../command.ts';

export const COMMANDS: readonly Command[] = [];
