import { describe, expect, it } from 'vitest';
import { createRateLimiter, rateLimitFromEnv } from './rate-limit';

describe('createRateLimiter()', () => {
	it('take() allows a full minute of requests at once, then refuses with Retry-After', () => {
		const limiter = createRateLimiter(3);
		expect([0, 0, 0].map((t) => limiter.take('a', t).ok)).toEqual([true, true, true]);
		expect(limiter.take('a', 0)).toEqual({ ok: false, remaining: 0, retryAfter: 20 });
	});

	it('take() refills one token per 60/perMinute seconds', () => {
		const limiter = createRateLimiter(60);
		for (let i = 0; i < 60; i++) limiter.take('a', 0);
		expect(limiter.take('a', 500).ok).toBe(false);
		expect(limiter.take('a', 1000)).toEqual({ ok: true, remaining: 0, retryAfter: 0 });
	});

	it('take() counts each address on its own', () => {
		const limiter = createRateLimiter(1);
		expect(limiter.take('a', 0).ok).toBe(true);
		expect(limiter.take('a', 0).ok).toBe(false);
		expect(limiter.take('b', 0).ok).toBe(true);
	});

	it('take() never refuses when the limit is 0 (off)', () => {
		const limiter = createRateLimiter(0);
		for (let i = 0; i < 1000; i++) expect(limiter.take('a', 0).ok).toBe(true);
	});

	it('take() forgets full buckets when the key limit is reached', () => {
		const limiter = createRateLimiter(60, 2);
		limiter.take('a', 0);
		limiter.take('b', 0);
		// At 60 s both buckets are full again: pruned, so 'c' fits and 'a' starts afresh.
		expect(limiter.take('c', 60_000)).toEqual({ ok: true, remaining: 59, retryAfter: 0 });
		expect(limiter.take('a', 60_000).remaining).toBe(59);
	});
});

describe('rateLimitFromEnv()', () => {
	it.each([
		[undefined, 600],
		['', 600],
		['0', 0],
		['1200', 1200]
	])('rateLimitFromEnv(%j) is %i', (raw, expected) => {
		expect(rateLimitFromEnv({ API_RATE_LIMIT: raw })).toBe(expected);
	});

	it.each(['-1', '1.5', 'many', 'NaN'])(
		'rateLimitFromEnv(%j) throws naming the variable',
		(raw) => {
			expect(() => rateLimitFromEnv({ API_RATE_LIMIT: raw })).toThrow(/API_RATE_LIMIT/);
		}
	);
});
