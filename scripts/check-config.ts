import { exitOnConfigError } from '../src/platform/config/exit-on-config-error';

// Run before anything slow (browser install, build) so a bad variable stops `npm start` at once.
exitOnConfigError();
