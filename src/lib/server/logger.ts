/**
 * Structured logs by pino: one JSON object per line on stdout (`level` as a number, `time` in ms,
 * `pid`, `hostname`, `msg`), which pino's tools and any log shipper read.
 *
 * Secrets never reach the log: keys that name a password, token, cookie, session or
 * authorisation are replaced by "[redacted]" at any depth, and URLs are logged without their
 * query string by the request logger.
 */
import { hostname } from 'node:os';
import { pino, type Logger as PinoLogger, type LoggerOptions } from 'pino';

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

/** The server's logger: pino's, so its tools (pino-pretty, transports) work on our lines. */
export type Logger = PinoLogger;

function levelFromEnv(env: NodeJS.ProcessEnv): LevelName | 'silent' {
	const raw = (env.LOG_LEVEL ?? 'info').toLowerCase();
	if (raw === 'silent' || raw in LEVELS) return raw as LevelName | 'silent';
	return 'info';
}

/**
 * A pino logger writing JSON lines to `write` (stdout by default); LOG_LEVEL sets the threshold.
 * Every logged object and every child's bindings pass `redact` first: pino's own redaction takes
 * fixed paths, and a secret must not reach the log under a key nobody listed.
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
	const now = options.now;
	const settings: LoggerOptions = {
		level: options.level ?? levelFromEnv(process.env),
		base: { pid: process.pid, hostname: hostname(), ...options.bindings },
		timestamp: now ? () => `,"time":${now()}` : pino.stdTimeFunctions.epochTime,
		formatters: {
			bindings: (bindings) => redact(bindings) as Record<string, unknown>,
			log: (fields) => redact(fields) as Record<string, unknown>
		},
		// redact() has already flattened errors to { type, message, stack }; pino's own err
		// serializer would take that object for an error and call its type "Object".
		serializers: { err: (err: unknown) => err }
	};
	const write = options.write;
	return redactingChildren(write ? pino(settings, { write }) : pino(settings));
}

/** pino gives a child's bindings no formatter (by design, for speed): redact them on the way in. */
function redactingChildren(log: Logger): Logger {
	type Child = (bindings: Record<string, unknown>, options?: object) => Logger;
	const child = log.child.bind(log) as unknown as Child;
	const redacted: Child = (bindings, options) =>
		redactingChildren(child(redact(bindings) as Record<string, unknown>, options));
	(log as unknown as { child: Child }).child = redacted;
	return log;
}

/** The process-wide logger. */
export const logger = createLogger();
