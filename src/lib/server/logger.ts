/**
 * Structured logs, one JSON object per line on stdout, in pino's shape (`level` as a number,
 * `time` in ms, `pid`, `hostname`, `msg`) so pino's tools and any log shipper read them. pino
 * itself is not installed; this is the small part of it the server needs.
 *
 * Secrets never reach the log: keys that name a password, token, cookie, session or
 * authorisation are replaced by "[redacted]" at any depth, and URLs are logged without their
 * query string by the request logger.
 */
import { hostname } from 'node:os';

export const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;
export type LevelName = keyof typeof LEVELS;

const SECRET = /pass(word)?|token|secret|cookie|session|authori[sz]ation|api[-_]?key|hash/i;

/**
 * A copy of a value with secret-looking keys redacted and errors flattened.
 * @example redact({ user: 'a', password: 'x' }) // { user: 'a', password: '[redacted]' }
 */
export function redact(value: unknown, depth = 0): unknown {
	if (value instanceof Error) {
		return { type: value.name, message: value.message, stack: value.stack };
	}
	if (value === null || typeof value !== 'object' || depth > 6) return value;
	if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(value)) {
		out[k] = SECRET.test(k) ? '[redacted]' : redact(v, depth + 1);
	}
	return out;
}

export interface Logger {
	level: LevelName | 'silent';
	child(bindings: Record<string, unknown>): Logger;
	trace(obj: Record<string, unknown> | string, msg?: string): void;
	debug(obj: Record<string, unknown> | string, msg?: string): void;
	info(obj: Record<string, unknown> | string, msg?: string): void;
	warn(obj: Record<string, unknown> | string, msg?: string): void;
	error(obj: Record<string, unknown> | string, msg?: string): void;
	fatal(obj: Record<string, unknown> | string, msg?: string): void;
}

function levelFromEnv(env: NodeJS.ProcessEnv): LevelName | 'silent' {
	const raw = (env.LOG_LEVEL ?? 'info').toLowerCase();
	if (raw === 'silent' || raw in LEVELS) return raw as LevelName | 'silent';
	return 'info';
}

/**
 * A logger writing JSON lines to `write` (stdout by default); LOG_LEVEL sets the threshold.
 * @example createLogger({ write: (l) => lines.push(l) }).info({ reqId: 'x' }, 'done')
 */
export function createLogger(
	options: {
		level?: LevelName | 'silent';
		bindings?: Record<string, unknown>;
		write?: (line: string) => void;
		now?: () => number;
	} = {}
): Logger {
	const base = { pid: process.pid, hostname: hostname(), ...options.bindings };
	const write = options.write ?? ((line: string) => process.stdout.write(line));
	const now = options.now ?? Date.now;
	const logger: Logger = {
		level: options.level ?? levelFromEnv(process.env),
		child: (bindings) =>
			createLogger({
				...options,
				level: logger.level,
				bindings: { ...options.bindings, ...bindings }
			}),
		trace: (o, m) => log('trace', o, m),
		debug: (o, m) => log('debug', o, m),
		info: (o, m) => log('info', o, m),
		warn: (o, m) => log('warn', o, m),
		error: (o, m) => log('error', o, m),
		fatal: (o, m) => log('fatal', o, m)
	};
	function log(level: LevelName, obj: Record<string, unknown> | string, msg?: string) {
		if (logger.level === 'silent' || LEVELS[level] < LEVELS[logger.level]) return;
		const fields = typeof obj === 'string' ? {} : (redact(obj) as Record<string, unknown>);
		const message = typeof obj === 'string' ? obj : msg;
		const entry = { level: LEVELS[level], time: now(), ...base, ...fields, msg: message };
		write(JSON.stringify(entry) + '\n');
	}
	return logger;
}

/** The process-wide logger. */
export const logger = createLogger();
