import { describe, expect, it } from 'vitest';
import { createLogger, redact } from './logger';

describe('redact()', () => {
	it('redact() hides secret-looking keys at any depth and keeps the rest', () => {
		expect(
			redact({
				user: 'ana',
				password: 'p',
				headers: { cookie: 'sid=1', Authorization: 'Bearer x', accept: 'json' },
				list: [{ sessionToken: 't', n: 1 }]
			})
		).toEqual({
			user: 'ana',
			password: '[redacted]',
			headers: { cookie: '[redacted]', Authorization: '[redacted]', accept: 'json' },
			list: [{ sessionToken: '[redacted]', n: 1 }]
		});
	});

	it.each([null, undefined, 3, 'text'])('redact(%j) returns the value itself', (v) => {
		expect(redact(v)).toBe(v);
	});

	it('redact() flattens an Error to type, message and stack', () => {
		const out = redact(new TypeError('bad')) as Record<string, unknown>;
		expect(out.type).toBe('TypeError');
		expect(out.message).toBe('bad');
		expect(String(out.stack)).toContain('TypeError: bad');
	});
});

describe('createLogger()', () => {
	const capture = (level: 'info' | 'warn' | 'silent' = 'info') => {
		const lines: string[] = [];
		const log = createLogger({ level, write: (l) => lines.push(l), now: () => 1000 });
		return { lines, log };
	};

	it('info() writes one JSON line in pino’s shape', () => {
		const { lines, log } = capture();
		log.info({ reqId: 'r1', token: 'secret' }, 'request');
		expect(lines).toHaveLength(1);
		expect(lines[0].endsWith('\n')).toBe(true);
		const entry = JSON.parse(lines[0]);
		expect(entry).toMatchObject({
			level: 30,
			time: 1000,
			pid: process.pid,
			reqId: 'r1',
			token: '[redacted]',
			msg: 'request'
		});
		expect(typeof entry.hostname).toBe('string');
	});

	it('a message below the level is dropped; silent drops everything', () => {
		const warn = capture('warn');
		warn.log.info('x');
		warn.log.error('y');
		expect(warn.lines.map((l) => JSON.parse(l).msg)).toEqual(['y']);
		const silent = capture('silent');
		silent.log.fatal('z');
		expect(silent.lines).toEqual([]);
	});

	it('child() adds its bindings to every line', () => {
		const { lines, log } = capture();
		log.child({ component: 'backup' }).warn('slow');
		expect(JSON.parse(lines[0])).toMatchObject({ level: 40, component: 'backup', msg: 'slow' });
	});

	it('child() bindings are redacted too, and an error logs as type, message and stack', () => {
		const { lines, log } = capture();
		log.child({ sessionId: 's1', component: 'auth' }).error({ err: new RangeError('late') }, 'x');
		const entry = JSON.parse(lines[0]);
		expect(entry).toMatchObject({ sessionId: '[redacted]', component: 'auth', msg: 'x' });
		expect(entry.err).toMatchObject({ type: 'RangeError', message: 'late' });
		expect(entry.err.stack).toContain('RangeError: late');
	});

	it('the line keeps pino’s field order: level, time, pid, hostname, fields, msg', () => {
		const { lines, log } = capture();
		log.info({ reqId: 'r1' }, 'request');
		expect(Object.keys(JSON.parse(lines[0]))).toEqual([
			'level',
			'time',
			'pid',
			'hostname',
			'reqId',
			'msg'
		]);
	});
});
