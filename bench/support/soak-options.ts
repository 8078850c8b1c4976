export interface SoakOptions {
  minutes: number;
  watches: number;
  requestsPerSecond: number;
  /** MONITORING_MINUTE_MS: 6000 makes the 5-minute minimum interval 30 s. */
  minuteMs: number;
  /** After the load and the faults stop, the worker keeps going this long before the books are closed. */
  graceSeconds: number;
  redisDownSeconds: number;
  postgresCutSeconds: number;
  keepDatabase: boolean;
}

const DEFAULTS: SoakOptions = {
  minutes: 10,
  watches: 24,
  requestsPerSecond: 20,
  minuteMs: 6000,
  graceSeconds: 60,
  redisDownSeconds: 5,
  postgresCutSeconds: 15,
  keepDatabase: false,
};

const FLAGS: Record<string, keyof SoakOptions> = {
  '--minutes': 'minutes',
  '--watches': 'watches',
  '--rps': 'requestsPerSecond',
  '--minute-ms': 'minuteMs',
  '--grace-seconds': 'graceSeconds',
  '--redis-down-seconds': 'redisDownSeconds',
  '--postgres-cut-seconds': 'postgresCutSeconds',
};

/** `--minutes 3 --watches 24 --rps 20 --keep-database`; a bad value stops with a line naming the flag. */
export function parseSoakOptions(argv: string[]): SoakOptions {
  const options = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--keep-database') {
      options.keepDatabase = true;
      continue;
    }
    const key = FLAGS[argv[i]];
    if (!key)
      throw new Error(`Unknown option ${argv[i]}; known: ${Object.keys(FLAGS).join(', ')}, --keep-database`);
    const value = Number(argv[++i]);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${argv[i - 1]} needs a positive number`);
    (options[key] as number) = value;
  }
  return options;
}
