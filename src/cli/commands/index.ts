import type { Command } from 'commander';
import { registerCompareCommand } from './compare.command';
import { registerFetchCommand } from './fetch.command';

/** Every CLI command registers itself on the program; add new ones to this list. */
export type RegisterCommand = (program: Command) => void;

export const cliCommands: RegisterCommand[] = [registerFetchCommand, registerCompareCommand];
