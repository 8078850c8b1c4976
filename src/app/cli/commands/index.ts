import type { Command } from 'commander';
import { registerArchiveVerifyCommand } from './archive-verify.command';
import { registerAuditVerifyCommand } from './audit-verify.command';
import { registerCompareCommand } from './compare.command';
import { registerCreateUserCommand } from './create-user.command';
import { registerFetchCommand } from './fetch.command';
import { registerImportCommand } from './import.command';
import { registerPublicationCheckCommand } from './publication-check.command';
import { registerScreenCommand } from './screen.command';
import { registerScreeningImportCommand } from './screening-import.command';

/** Every CLI command registers itself on the program; add new ones to this list. */
export type RegisterCommand = (program: Command) => void;

export const cliCommands: RegisterCommand[] = [
  registerFetchCommand,
  registerCompareCommand,
  registerCreateUserCommand,
  registerAuditVerifyCommand,
  registerArchiveVerifyCommand,
  registerImportCommand,
  registerPublicationCheckCommand,
  registerScreenCommand,
  registerScreeningImportCommand,
];
