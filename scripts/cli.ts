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

/** A script's name (for its messages), its usage text and its options. */
export interface Script<O extends Options> {
	name: string;
	usage: string;
	options: O;
}

/**
 * Runs `main` on `argv` and resolves to the exit code: --help prints the usage (0), a UsageError
 * (from the command line or thrown by `main`) prints the problem and the usage on stderr (2).
 * Anything else `main` throws is rejected. Tests call it in their own process, as node would run
 * the script: `await runCommand(IMPORT_SCRIPT, main, ['file.csv', '--json'])`.
 */
export async function runCommand<O extends Options>(
	script: Script<O>,
	main: (commandLine: CommandLine<O>) => number | Promise<number>,
	argv: string[]
): Promise<number> {
	try {
		const commandLine = parseCommandLine(argv, script.options);
		// Always there (HELP), but TypeScript cannot see it through the generic options.
		const { help } = commandLine.values as { help: boolean };
		if (!help) return await main(commandLine);
		process.stdout.write(`${script.usage}\n`);
		return 0;
	} catch (e) {
		if (!(e instanceof UsageError)) throw e;
		process.stderr.write(`${script.name}: ${e.message}\n\n${script.usage}\n`);
		return 2;
	}
}

/**
 * Runs the script (`runCommand` on node's command line) when `moduleUrl` is the file node was
 * started with (a test may import the script instead), and sets the exit code to what it returns.
 */
export function runScript<O extends Options>(
	moduleUrl: string,
	script: Script<O>,
	main: (commandLine: CommandLine<O>) => number | Promise<number>
): void {
	if (!process.argv[1] || fileURLToPath(moduleUrl) !== path.resolve(process.argv[1])) return;
	void runCommand(script, main, process.argv.slice(2)).then((code) => {
		process.exitCode = code;
	});
}
