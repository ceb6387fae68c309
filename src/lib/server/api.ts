/**
 * Helpers for the JSON API: one error shape `{ error: { code, message } }`, query parsing that
 * rejects unknown parameters and malformed values with a message naming the parameter, list
 * answers as JSON or formula-safe CSV with optional pagination, and the handle that gives every
 * `/api/` answer CORS, a per-address rate limit, an ETag and Cache-Control.
 */
import { json, type Handle } from '@sveltejs/kit';
import { csvRows, type CsvValue } from '../csv/write';
import { MAX_YEAR, MIN_YEAR } from '$lib/domain';
import { withCaching } from './http-cache';
import { createRateLimiter, rateLimitFromEnv, type RateLimiter } from './rate-limit';

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

/** A 404 for a named thing that does not exist; `withQuery` turns it into the JSON error. */
export class ApiNotFound extends Error {}

type ParamKind = 'string' | 'code' | 'year' | 'count' | 'format';
type Spec = Record<string, ParamKind>;
type Parsed<S extends Spec> = {
	[K in keyof S]?: S[K] extends 'year' | 'count'
		? number
		: S[K] extends 'format'
			? 'json' | 'csv'
			: string;
};

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const FORMATS = ['json', 'csv'] as const;

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
		} else if (kind === 'count') {
			if (!/^\d{1,9}$/.test(raw)) {
				throw new QueryError(key, `Parameter "${key}" must be a whole number ≥ 0, got "${raw}".`);
			}
			out[key] = Number(raw);
		} else if (kind === 'format') {
			if (!(FORMATS as readonly string[]).includes(raw)) {
				throw new QueryError(key, `Parameter "${key}" must be json or csv, got "${raw}".`);
			}
			out[key] = raw;
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

/** Rejects `year_from` after `year_to`. */
export function checkYearRange(q: { year_from?: number; year_to?: number }) {
	if (q.year_from !== undefined && q.year_to !== undefined && q.year_from > q.year_to) {
		throw new QueryError(
			'year_from',
			`Parameter "year_from" (${q.year_from}) is after "year_to" (${q.year_to}).`
		);
	}
}

/** Runs a handler and turns a QueryError into a 400 naming the parameter, ApiNotFound into a 404. */
export function withQuery<T>(fn: () => T): T | Response {
	try {
		return fn();
	} catch (e) {
		if (e instanceof QueryError) return apiError(400, 'bad_parameter', e.message);
		if (e instanceof ApiNotFound) return apiError(404, 'not_found', e.message);
		throw e;
	}
}

/** Page size when `offset` is given without `limit`, and the largest `limit` accepted. */
export const PAGE_DEFAULT = 1000;
export const PAGE_MAX = 10_000;

/** Query parameters every list endpoint accepts. */
export const LIST_PARAMS = { format: 'format', limit: 'count', offset: 'count' } as const;

export interface Page {
	limit: number;
	offset: number;
}

/**
 * The page asked for, or null when neither `limit` nor `offset` is given (the whole list, as
 * before pagination existed). Throws QueryError for a limit of 0 or above PAGE_MAX.
 */
export function pageOf(q: { limit?: number; offset?: number }): Page | null {
	if (q.limit === undefined && q.offset === undefined) return null;
	const limit = q.limit ?? PAGE_DEFAULT;
	if (limit < 1 || limit > PAGE_MAX) {
		throw new QueryError(
			'limit',
			`Parameter "limit" must be from 1 to ${PAGE_MAX}, got "${limit}".`
		);
	}
	return { limit, offset: q.offset ?? 0 };
}

/** A row's value as a CSV cell: numbers stay numbers, anything else not text as `String(v)`. */
function csvValue(v: unknown): CsvValue {
	if (v === null || v === undefined) return null;
	if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
	return String(v);
}

/**
 * Rows as CSV with a header of the column names, `,` and decimal points, by the one CSV writer:
 * cells that a spreadsheet would run as a formula are guarded (`$lib/csv/write`).
 * @example rowsToCsv([{ a: 1, b: '=x' }], ['a', 'b']) === "a,b\r\n1,'=x\r\n"
 */
export function rowsToCsv(
	rows: readonly Record<string, unknown>[],
	columns: readonly string[]
): string {
	return csvRows([columns, ...rows.map((row) => columns.map((c) => csvValue(row[c])))], ',');
}

/**
 * A list answer: the rows (or one page of them) as a JSON array, or as CSV with `?format=csv`.
 * A page carries `X-Total-Count` and a `Link` header with `next`/`prev`; the body stays an array.
 */
export function listResponse<T extends Record<string, unknown>>(
	url: URL,
	rows: readonly T[],
	options: {
		columns: readonly (keyof T & string)[];
		name: string;
		format?: 'json' | 'csv';
		page: Page | null;
	}
): Response {
	const headers = new Headers({ 'x-total-count': String(rows.length) });
	let body = rows;
	const { page } = options;
	if (page) {
		body = rows.slice(page.offset, page.offset + page.limit);
		const link = (offset: number, rel: string) => {
			const u = new URL(url);
			u.searchParams.set('limit', String(page.limit));
			u.searchParams.set('offset', String(offset));
			return `<${u.pathname}${u.search}>; rel="${rel}"`;
		};
		const links: string[] = [];
		if (page.offset + page.limit < rows.length) links.push(link(page.offset + page.limit, 'next'));
		if (page.offset > 0) links.push(link(Math.max(0, page.offset - page.limit), 'prev'));
		if (links.length) headers.set('link', links.join(', '));
	}
	if (options.format === 'csv') {
		headers.set('content-type', 'text/csv; charset=utf-8');
		headers.set('content-disposition', `attachment; filename="${options.name}.csv"`);
		return new Response(rowsToCsv(body, options.columns), { headers });
	}
	return json(body, { headers });
}

const CORS = {
	'access-control-allow-origin': '*',
	'access-control-allow-methods': 'GET, HEAD, OPTIONS',
	'access-control-allow-headers': 'If-None-Match, Content-Type',
	'access-control-expose-headers':
		'ETag, Link, X-Total-Count, Retry-After, X-Request-Id, RateLimit-Limit, RateLimit-Remaining',
	'access-control-max-age': '86400'
};

function withHeaders(response: Response, extra: Record<string, string>): Response {
	const headers = new Headers(response.headers);
	for (const [k, v] of Object.entries(extra)) headers.set(k, v);
	return new Response(response.body, { status: response.status, headers });
}

/**
 * The handle for `/api/`: answers CORS preflights, limits each address (API_RATE_LIMIT requests a
 * minute, 429 with Retry-After), turns an unknown API path into the JSON 404, and gives every
 * GET/HEAD answer an ETag and Cache-Control (304 on If-None-Match).
 */
export function createApiHandle(
	limiter: RateLimiter = createRateLimiter(rateLimitFromEnv())
): Handle {
	return async ({ event, resolve }) => {
		const { pathname } = event.url;
		if (!pathname.startsWith('/api/')) return resolve(event);
		let address = 'unknown';
		try {
			address = event.getClientAddress();
		} catch {
			// Not available in every adapter (e.g. during tests): one shared bucket.
		}
		const decision = limiter.take(address);
		const limitHeaders: Record<string, string> =
			limiter.perMinute > 0
				? {
						'ratelimit-limit': String(limiter.perMinute),
						'ratelimit-remaining': String(decision.remaining)
					}
				: {};
		if (!decision.ok) {
			return apiError(
				429,
				'rate_limited',
				`Too many requests from this address: at most ${limiter.perMinute} a minute. Try again in ${decision.retryAfter} s.`,
				{
					...CORS,
					...limitHeaders,
					'retry-after': String(decision.retryAfter),
					'cache-control': 'no-store'
				}
			);
		}
		if (event.request.method === 'OPTIONS') {
			return new Response(null, { status: 204, headers: { ...CORS, ...limitHeaders } });
		}
		let response =
			event.route.id === null
				? apiError(404, 'not_found', `No API endpoint at ${pathname}. See /api/v1/openapi.json.`)
				: await resolve(event);
		const maxAge = pathname.endsWith('/openapi.json') ? 3600 : undefined;
		response = await withCaching(event.request, response, maxAge);
		return withHeaders(response, { ...CORS, ...limitHeaders });
	};
}
