/**
 * How large an import may be, read from the environment. One place for the CLI, the upload page
 * (which also names the limit in its refusals) and the service's checks.
 */
import { ConfigError } from '../config';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_ROWS = 2_000_000;

export interface ImportLimits {
	/** Largest file accepted, in bytes (env `IMPORT_MAX_BYTES`). */
	maxBytes: number;
	/** Most data records accepted (env `IMPORT_MAX_ROWS`). */
	maxRows: number;
}

/** The upload limits from the environment: `importLimits({ IMPORT_MAX_BYTES: '1000' }).maxBytes === 1000`. */
export function importLimits(env: NodeJS.ProcessEnv = process.env): ImportLimits {
	const read = (name: string, fallback: number) => {
		const raw = env[name];
		if (raw === undefined || raw.trim() === '') return fallback;
		const n = Number(raw);
		if (!Number.isSafeInteger(n) || n <= 0)
			throw new ConfigError(`${name} must be a whole number above 0 (got "${raw}").`);
		return n;
	};
	return {
		maxBytes: read('IMPORT_MAX_BYTES', DEFAULT_MAX_BYTES),
		maxRows: read('IMPORT_MAX_ROWS', DEFAULT_MAX_ROWS)
	};
}
