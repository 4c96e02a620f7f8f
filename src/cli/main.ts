/**
 * The `faultline` command (dist/cli.js): `faultline classify …` and `faultline demo …`.
 * {@link runCli} runs it in-process, so tests need no child process.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { redact } from '../core/redact.js';
import { UsageError } from './args.js';
import { CLASSIFY_USAGE, classifyCommand } from './classify-command.js';
import { type CliIO, nodeIO } from './io.js';

const USAGE =
  'usage: faultline <command> [options]\n\n' +
  'commands:\n' +
  '  classify   what an HTTP error response means and whether to retry it\n' +
  '  demo       run the seed vendors against a chaos server, naive retry loop vs faultline\n\n' +
  CLASSIFY_USAGE;

/**
 * `faultline demo`, loaded only when asked for: it starts chaos servers and is the heaviest part
 * of the command.
 */
async function demo(argv: readonly string[], io: CliIO): Promise<number> {
  let runDemo: ((args: readonly string[], io: CliIO) => Promise<number>) | undefined;
  try {
    ({ runDemo } = await import('./demo.js'));
  } catch {
    runDemo = undefined;
  }
  if (typeof runDemo !== 'function') {
    io.err('faultline: demo is not available in this build\n');
    return 1;
  }
  return runDemo(argv, io);
}

/**
 * Runs the `faultline` command with `argv` (without `node` and the script) and returns its exit
 * code: 0 on success, 2 for bad usage (one line on stderr says what is wrong), 1 for anything else.
 * @example
 * ```ts
 * const code = await runCli(['classify', '--status', '429', '-H', 'Retry-After: 2'], io);
 * ```
 * @internal
 */
export async function runCli(argv: readonly string[], io: Partial<CliIO> = {}): Promise<number> {
  const full: CliIO = { ...nodeIO(), ...io };
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'classify':
        return await classifyCommand(rest, full);
      case 'demo':
        return await demo(rest, full);
      case '--help':
      case '-h':
      case 'help':
        full.out(USAGE);
        return 0;
      case undefined:
        throw new UsageError('missing command: try faultline classify --help');
      default:
        throw new UsageError(`unknown command '${redact(command)}': try faultline classify --help`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      full.err(`faultline: ${redact(error.message)}\n`);
      return 2;
    }
    full.err(`faultline: ${redact(error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  }
}

/** True when this file is the script node was asked to run (not when a test imports it). */
function invokedDirectly(): boolean {
  try {
    const entry = process.argv[1];
    return entry !== undefined && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
