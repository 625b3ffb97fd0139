// Command line: `node dist/emulator.js --port 0` (or out/src/emulator/cli.js). See --help.
import { isKnownErrorCode } from './errors';
import { MAX_MEMBERS_MOVING, validateFaults, type FaultOptions } from './faults';
import { DEMO_KEY } from './keys';
import { startServer } from './server';

const USAGE = `Usage: emulator [options]

Local, strict emulator of the Alibaba Cloud Interactive Messages API (live 2016-11-01, RPC).
Prints "listening URL", "access key id: ID" and "access key secret: SECRET" first.

Options:
  --port N               port on 127.0.0.1 (default 0 = a free port)
  --seed S               dataset and fault seed (default 1)
  --qps Q                accepted calls per action and AccessKey per second, legacy family (default 100, 0 = unlimited)
  --livemessage-qps Q    the same for the LiveMessage family (default 50, 0 = unlimited)
  --latency-ms L|MIN-MAX latency before every answer, fixed or uniform in a range
  --error-rate R         share of calls answered with an error code (0..1)
  --error-codes A,B      codes for --error-rate (default InternalError,ServiceUnavailable)
  --html502-rate R       share answered by an HTML 502 page
  --malformed-rate R     share answered 200 with truncated JSON
  --hang-rate R          share never answered
  --reset-rate R         share whose connection is reset
  --lying-has-more       HasMore is always true
  --lying-total F        Total is multiplied by F
  --churn-per-page N     members leaving and joining each time a page of members is served
                         (the longest-standing leave; the member count stays)
  --leave-per-page N     members leaving, each chosen anywhere in the list, each time a page of members is served
  --join-per-page N      members joining (the newest) each time a page of members is served
  --leave-burst N@P      N members leaving at once, chosen anywhere in the list, after the P-th page of a group's
                         members served (counted from the start, or from the last change of faults)
  --repeat-token         LiveMessage token lists repeat the token they were asked with
  --fault-actions A,B    limit the faults to these actions
  --verbose              log one line per request on stdout
  --quiet                no request log (default)
  --help                 this text
`;

class UsageError extends Error {}

interface CliOptions {
  port: number;
  seed: number | string;
  qps: number;
  liveMessageQps: number;
  faults: FaultOptions;
  verbose: boolean;
}

function number(flag: string, text: string): number {
  if (!/^[0-9]+(\.[0-9]+)?$/.test(text)) {
    throw new UsageError(`${flag} expects a non-negative number, got "${text}"`);
  }
  return Number(text);
}

function integer(flag: string, text: string): number {
  if (!/^[0-9]+$/.test(text)) {
    throw new UsageError(`${flag} expects a non-negative integer, got "${text}"`);
  }
  return Number(text);
}

/** Members moving at once, or the page after which they do: an integer from `min` to MAX_MEMBERS_MOVING. */
function members(flag: string, text: string, min: 0 | 1 = 0): number {
  const value = integer(flag, text);
  if (value < min || value > MAX_MEMBERS_MOVING) {
    throw new UsageError(`${flag} expects an integer from ${min} to ${MAX_MEMBERS_MOVING}, got "${text}"`);
  }
  return value;
}

function rate(flag: string, text: string): number {
  const value = number(flag, text);
  if (value > 1) {
    throw new UsageError(`${flag} expects a share from 0 to 1, got "${text}"`);
  }
  return value;
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const BOOLEAN_FLAGS = new Set(['--lying-has-more', '--repeat-token', '--verbose', '--quiet', '--help', '-h']);
const VALUE_FLAGS = new Set([
  '--port',
  '--seed',
  '--qps',
  '--livemessage-qps',
  '--latency-ms',
  '--error-rate',
  '--error-codes',
  '--html502-rate',
  '--malformed-rate',
  '--hang-rate',
  '--reset-rate',
  '--lying-total',
  '--churn-per-page',
  '--leave-per-page',
  '--join-per-page',
  '--leave-burst',
  '--fault-actions',
]);

export function parseArgs(argv: readonly string[]): CliOptions | 'help' {
  const options: CliOptions = { port: 0, seed: 1, qps: 100, liveMessageQps: 50, faults: {}, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    let flag = argv[i];
    let value: string | undefined;
    const eq = flag.indexOf('=');
    if (flag.startsWith('--') && eq > 0) {
      value = flag.slice(eq + 1);
      flag = flag.slice(0, eq);
    }
    if (!flag.startsWith('-')) {
      throw new UsageError(`unexpected argument "${flag}"`);
    }
    if (!BOOLEAN_FLAGS.has(flag) && !VALUE_FLAGS.has(flag)) {
      throw new UsageError(`unknown option ${flag}`);
    }
    if (BOOLEAN_FLAGS.has(flag)) {
      if (value !== undefined) {
        throw new UsageError(`${flag} takes no value`);
      }
    } else if (value === undefined) {
      value = argv[++i];
      if (value === undefined) {
        throw new UsageError(`${flag} needs a value`);
      }
    }
    const v = value as string;
    const f = options.faults;
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--port':
        options.port = integer(flag, v);
        if (options.port > 65535) {
          throw new UsageError('--port must be at most 65535');
        }
        break;
      case '--seed':
        options.seed = /^[0-9]+$/.test(v) ? Number(v) : v;
        break;
      case '--qps':
        options.qps = integer(flag, v);
        break;
      case '--livemessage-qps':
        options.liveMessageQps = integer(flag, v);
        break;
      case '--latency-ms': {
        const range = /^([0-9]+)-([0-9]+)$/.exec(v);
        f.latencyMs = range ? { min: Number(range[1]), max: Number(range[2]) } : number(flag, v);
        break;
      }
      case '--error-rate':
        f.errorRate = rate(flag, v);
        break;
      case '--error-codes':
        f.errorCodes = list(v);
        for (const code of f.errorCodes) {
          if (!isKnownErrorCode(code)) {
            throw new UsageError(`--error-codes: unknown error code "${code}"`);
          }
        }
        break;
      case '--html502-rate':
        f.html502Rate = rate(flag, v);
        break;
      case '--malformed-rate':
        f.malformedJsonRate = rate(flag, v);
        break;
      case '--hang-rate':
        f.hangRate = rate(flag, v);
        break;
      case '--reset-rate':
        f.resetRate = rate(flag, v);
        break;
      case '--lying-has-more':
        f.lyingHasMore = true;
        break;
      case '--repeat-token':
        f.repeatToken = true;
        break;
      case '--lying-total':
        f.lyingTotal = number(flag, v);
        break;
      case '--churn-per-page':
        f.churnPerPage = members(flag, v);
        break;
      case '--leave-per-page':
        f.leavePerPage = members(flag, v);
        break;
      case '--join-per-page':
        f.joinPerPage = members(flag, v);
        break;
      case '--leave-burst': {
        const [count, afterPage, ...rest] = v.split('@');
        if (afterPage === undefined || rest.length > 0) {
          throw new UsageError(`${flag} expects N@P (N members leaving after the P-th page served), got "${v}"`);
        }
        f.leaveBurst = { members: members(flag, count, 1), afterPage: members(flag, afterPage, 1) };
        break;
      }
      case '--fault-actions':
        f.actions = list(v);
        break;
      case '--verbose':
        options.verbose = true;
        break;
      case '--quiet':
        options.verbose = false;
        break;
    }
  }
  try {
    options.faults = validateFaults(options.faults);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return options;
}

async function main(): Promise<void> {
  let options: CliOptions | 'help';
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`emulator: ${error.message}\nRun with --help for the options.\n`);
      process.exit(2);
    }
    throw error;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const verbose = options.verbose;
  const emulator = await startServer(
    { port: options.port, seed: options.seed, qps: options.qps, liveMessageQps: options.liveMessageQps, faults: options.faults },
    {
      onAnswer(entry) {
        if (verbose) {
          const action = entry.action ?? '-';
          process.stdout.write(`${new Date().toISOString()} ${entry.method} ${action} ${entry.status} ${entry.code} +${entry.delayMs}ms\n`);
        }
      },
    },
  );
  const fixtures = emulator.dataset.fixtures;
  process.stdout.write(
    [
      `listening ${emulator.url}`,
      `access key id: ${DEMO_KEY.accessKeyId}`,
      `access key secret: ${DEMO_KEY.accessKeySecret}`,
      `seed: ${emulator.dataset.seed}`,
      `demo app id: ${fixtures.appId}`,
      `demo user id: ${fixtures.userId}`,
      `big group id: ${fixtures.bigGroupId}`,
      `livemessage app id: ${emulator.liveMessage.fixtures.appId} (${emulator.liveMessage.fixtures.dataCenter})`,
      `livemessage big group id: ${emulator.liveMessage.fixtures.bigGroupId}`,
      `control: ${emulator.url}/__emulator/stats | faults | dataset | livemessage | membership | reset-stats`,
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`emulator: ${(error as Error).message ?? String(error)}\n`);
    process.exit(1);
  });
}
