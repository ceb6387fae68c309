import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { logger } from '$lib/server/logger';
import { handleError } from './hooks.server';

afterEach(() => vi.restoreAllMocks());

const event = (path: string) =>
	({ locals: {}, url: new URL(`http://localhost${path}`) }) as unknown as RequestEvent;

describe('handleError()', () => {
	it('logs a 404 as one info line, without the error or its stack', () => {
		const info = vi.spyOn(logger, 'info').mockImplementation(() => {});
		const error = vi.spyOn(logger, 'error').mockImplementation(() => {});
		const result = handleError({
			error: new Error('Not found: /nope'),
			event: event('/nope'),
			status: 404,
			message: 'Not Found'
		});
		expect(error).not.toHaveBeenCalled();
		expect(info).toHaveBeenCalledTimes(1);
		const [fields, msg] = info.mock.calls[0];
		expect(msg).toBe('not found');
		expect(fields).toEqual({ reqId: expect.any(String), path: '/nope', status: 404 });
		expect(result).toEqual({ message: 'Not Found', id: expect.any(String) });
	});

	it('logs an unexpected error with the error, under the id the page shows', () => {
		const error = vi.spyOn(logger, 'error').mockImplementation(() => {});
		const boom = new Error('boom');
		const result = handleError({
			error: boom,
			event: event('/staff'),
			status: 500,
			message: 'Internal Error'
		}) as { id: string };
		expect(error).toHaveBeenCalledTimes(1);
		expect(error.mock.calls[0][0]).toEqual({
			reqId: result.id,
			path: '/staff',
			status: 500,
			err: boom
		});
	});
});
