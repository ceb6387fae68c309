/**
 * What the operations scripts (backup, restore, import, user) share: the command line read by
 * node's parseArgs with -h/--help, and how a script ends on it: --help prints the usage (exit 0),
 * a wrong command line prints `<script>: <problem>` and the usage on stderr (exit 2).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

/** A wrong command line; the message says what is wrong in one sentence. */
export class UsageError extends Error {
	override name = 'UsageError';
}

/**
 * The command line with `options`, -h/--help and positionals; a malformed one throws UsageError.
 * @example parseCommandLine(['b1', '--json'], { json: { type: 'boolean', default: false } }) // { values: { json: true, help: false }, positionals: ['b1'] }
 */
export function parseCommandLine<O extends Options>(argv: string[], options: O) {
	try {
		return parseArgs({ args: argv, allowPositionals: true, options: { ...options, ...HELP } });
	} catch (e) {
		throw new UsageError((e as Error).message);
	}
}

export type CommandLine<O extends Options> = ReturnType<typeof parseCommandLine<O>>;

/**
 * Runs `main` with the parsed command line when `moduleUrl` is the file node was started with
 * (a test may import the script instead), and sets the exit code to what it returns. --help and
 * a UsageError (from the command line or thrown by `main`) end the run as described above.
 */
export function runScript<O extends Options>(
	moduleUrl: string,
	script: { name: string; usage: string; options: O },
	main: (commandLine: CommandLine<O>) => number | Promise<number>
): void {
	if (!process.argv[1] || fileURLToPath(moduleUrl) !== path.resolve(process.argv[1])) return;
	Promise.resolve()
		.then(() => {
			const commandLine = parseCommandLine(process.argv.slice(2), script.options);
			// Always there (HELP), but TypeScript cannot see it through the generic options.
			const { help } = commandLine.values as { help: boolean };
			if (!help) return main(commandLine);
			process.stdout.write(`${script.usage}\n`);
			return 0;
		})
		.catch((e: unknown) => {
			if (!(e instanceof UsageError)) throw e;
			process.stderr.write(`${script.name}: ${e.message}\n\n${script.usage}\n`);
			return 2;
		})
		.then((code) => {
			process.exitCode = code;
		});
}
