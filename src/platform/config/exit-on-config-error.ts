import { AppConfig, ConfigError, loadAppConfig } from './app-config';

/** For entry points: a bad variable stops the process at once with one line, not a stack trace. */
export function exitOnConfigError(): AppConfig {
  try {
    return loadAppConfig();
  } catch (error: unknown) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}
