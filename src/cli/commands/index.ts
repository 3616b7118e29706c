/**
 * The commands of `ccgw`, in the order `ccgw --help` lists them.
 */
import type { Command } from '../command.ts';
import { bundleCommand } from './bundle.ts';
import { compareCommand } from './compare.ts';
import { loadCommand } from './load.ts';
import { mockCommand } from './mock.ts';

export const COMMANDS: readonly Command[] = [mockCommand, loadCommand, bundleCommand, compareCommand];
