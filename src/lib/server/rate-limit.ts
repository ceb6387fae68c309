/**
 * A per-address token bucket for the public API: each address may spend `perMinute` requests a
 * minute, refilled continuously, with bursts up to a minute's worth. In memory, per process: with
 * one server that is exact; behind several servers each one counts on its own.
 */

export interface RateLimitDecision {
	ok: boolean;
	/** Whole tokens left after this request. */
	remaining: number;
	/** When refused: seconds until one token is back (at least 1). */
	retryAfter: number;
}

export interface RateLimiter {
	readonly perMinute: number;
	take(key: string, now?: number): RateLimitDecision;
}

/** Reads API_RATE_LIMIT (requests per minute per address, default 600; 0 turns the limit off). */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
	const raw = env.API_RATE_LIMIT;
	if (raw === undefined || raw.trim() === '') return 600;
	const n = Number(raw);
	if (!Number.isSafeInteger(n) || n < 0) {
		throw new Error(`API_RATE_LIMIT must be a whole number of requests per minute (got "${raw}").`);
	}
	return n;
}

/**
 * A token bucket per key; buckets idle long enough to be full again are forgotten.
 * @example createRateLimiter(2).take('1.2.3.4', 0) // { ok: true, remaining: 1, retryAfter: 0 }
 */
export function createRateLimiter(perMinute: number, maxKeys = 50_000): RateLimiter {
	const buckets = new Map<string, { tokens: number; at: number }>();
	const perMs = perMinute / 60_000;
	const prune = (now: number) => {
		for (const [key, b] of buckets) {
			if (b.tokens + (now - b.at) * perMs >= perMinute) buckets.delete(key);
		}
	};
	return {
		perMinute,
		take(key, now = Date.now()) {
			if (perMinute <= 0) return { ok: true, remaining: Infinity, retryAfter: 0 };
			let b = buckets.get(key);
			if (!b) {
				if (buckets.size >= maxKeys) prune(now);
				b = { tokens: perMinute, at: now };
				buckets.set(key, b);
			}
			b.tokens = Math.min(perMinute, b.tokens + Math.max(0, now - b.at) * perMs);
			b.at = now;
			if (b.tokens >= 1) {
				b.tokens -= 1;
				return { ok: true, remaining: Math.floor(b.tokens), retryAfter: 0 };
			}
			return {
				ok: false,
				remaining: 0,
				retryAfter: Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000))
			};
		}
	};
}
