/**
 * Helpers for the JSON API: one error shape `{ error: { code, message } }`, and query parsing that
 * rejects unknown parameters and malformed values with a message naming the parameter.
 */
import { json } from '@sveltejs/kit';
import { MAX_YEAR, MIN_YEAR } from './db/schema';

export function apiError(status: number, code: string, message: string, headers?: HeadersInit) {
	return json({ error: { code, message } }, { status, headers });
}

export class QueryError extends Error {
	constructor(
		readonly parameter: string,
		message: string
	) {
		super(message);
	}
}

type ParamKind = 'string' | 'code' | 'year';
type Spec = Record<string, ParamKind>;
type Parsed<S extends Spec> = {
	[K in keyof S]?: S[K] extends 'year' ? number : string;
};

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Parses `url.searchParams` against a spec; throws QueryError for unknown or malformed ones. */
export function parseQuery<S extends Spec>(url: URL, spec: S): Parsed<S> {
	const out: Record<string, string | number> = {};
	for (const key of new Set(url.searchParams.keys())) {
		const kind = spec[key];
		if (!kind) {
			const known = Object.keys(spec);
			throw new QueryError(
				key,
				`Unknown parameter "${key}". Known parameters: ${known.length ? known.join(', ') : 'none'}.`
			);
		}
		const values = url.searchParams.getAll(key);
		if (values.length > 1) throw new QueryError(key, `Parameter "${key}" is given more than once.`);
		const raw = values[0];
		if (kind === 'year') {
			if (!/^\d{4}$/.test(raw) || Number(raw) < MIN_YEAR || Number(raw) > MAX_YEAR) {
				throw new QueryError(
					key,
					`Parameter "${key}" must be a year from ${MIN_YEAR} to ${MAX_YEAR}, got "${raw}".`
				);
			}
			out[key] = Number(raw);
		} else if (kind === 'code') {
			if (!CODE.test(raw)) {
				throw new QueryError(key, `Parameter "${key}" is not a valid code: "${raw}".`);
			}
			out[key] = raw;
		} else {
			out[key] = raw;
		}
	}
	return out as Parsed<S>;
}

/** Runs a handler and turns a QueryError into a 400 naming the parameter. */
export function withQuery<T>(fn: () => T): T | Response {
	try {
		return fn();
	} catch (e) {
		if (e instanceof QueryError) return apiError(400, 'bad_parameter', e.message);
		throw e;
	}
}
