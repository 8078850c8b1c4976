#!/usr/bin/env node
import 'reflect-metadata';
import { Command } from 'commander';
import { cliCommands } from './commands';

/** `npm run cli -- <command>`: researchers' and operators' tools, each in src/app/cli/commands/. */
async function main(): Promise<void> {
  const program = new Command('pledgewatch')
    .description('Pledgewatch command-line tools')
    .showHelpAfterError();
  for (const register of cliCommands) register(program);
  await program.parseAsync(process.argv);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
