import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJobQueue, JobTimeout, QueueBusy } from './job-queue';

/** A job the test finishes by hand: no timing involved. */
function deferred<T = string>() {
	let resolve!: (v: T) => void;
	let reject!: (e: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject, job: () => promise };
}

const flush = () => new Promise((r) => setImmediate(r));

afterEach(() => vi.useRealTimers());

describe('createJobQueue()', () => {
	it('runs one job at a time and starts the next when one finishes', async () => {
		const q = createJobQueue({ concurrency: 1, maxWaiting: 3 });
		const a = deferred();
		const b = deferred();
		const started: string[] = [];
		const pa = q.run('siti', () => (started.push('a'), a.promise));
		const pb = q.run('budi', () => (started.push('b'), b.promise));
		expect(started).toEqual(['a']);
		expect([q.running, q.waiting]).toEqual([1, 1]);
		a.resolve('A');
		expect(await pa).toBe('A');
		await flush();
		expect(started).toEqual(['a', 'b']);
		b.resolve('B');
		expect(await pb).toBe('B');
		expect([q.running, q.waiting]).toEqual([0, 0]);
	});

	it('refuses a second job of the same owner while the first is queued or running', async () => {
		const q = createJobQueue({ initialEstimateMs: 12_000 });
		const a = deferred();
		const pa = q.run('viewer1', a.job);
		expect(() => q.run('viewer1', a.job)).toThrow(QueueBusy);
		try {
			q.run('viewer1', a.job);
		} catch (e) {
			expect(e).toMatchObject({ reason: 'owner', retryAfterSeconds: 12 });
		}
		// Someone else is not held up by viewer1's extra presses: they are next in line.
		const b = deferred();
		const pb = q.run('admin', b.job);
		expect(q.waiting).toBe(1);
		a.resolve('done');
		await pa;
		// Once finished, the owner may print again.
		await flush();
		b.resolve('B');
		await pb;
		const c = deferred();
		const pc = q.run('viewer1', c.job);
		c.resolve('again');
		expect(await pc).toBe('again');
	});

	it('refuses when the waiting line is full, saying when to try again', () => {
		const q = createJobQueue({ concurrency: 1, maxWaiting: 2, initialEstimateMs: 10_000 });
		const d = deferred();
		void q.run('u1', d.job);
		void q.run('u2', d.job);
		void q.run('u3', d.job);
		expect(() => q.run('u4', d.job)).toThrow(
			expect.objectContaining({ reason: 'full', retryAfterSeconds: 30 })
		);
	});

	it('a failed job frees its place and its owner', async () => {
		const q = createJobQueue();
		const a = deferred();
		const pa = q.run('siti', a.job);
		a.reject(new Error('chromium crashed'));
		await expect(pa).rejects.toThrow('chromium crashed');
		expect([q.running, q.waiting]).toEqual([0, 0]);
		const b = deferred();
		const pb = q.run('siti', b.job);
		b.resolve('ok');
		expect(await pb).toBe('ok');
	});

	it('aborts a job that runs past the timeout and frees its place', async () => {
		vi.useFakeTimers();
		const q = createJobQueue({ timeoutMs: 60_000 });
		let aborted = false;
		const hung = q.run(
			'siti',
			(signal) =>
				new Promise<string>(() => {
					signal.addEventListener('abort', () => (aborted = true));
				})
		);
		const next = deferred();
		const pn = q.run('budi', next.job);
		vi.advanceTimersByTime(59_999);
		expect(aborted).toBe(false);
		vi.advanceTimersByTime(1);
		await expect(hung).rejects.toBeInstanceOf(JobTimeout);
		expect(aborted).toBe(true);
		expect(q.running).toBe(1); // budi's job started
		next.resolve('B');
		expect(await pn).toBe('B');
	});

	it('learns the run time: the retry estimate follows finished jobs', async () => {
		let t = 0;
		const q = createJobQueue({ initialEstimateMs: 10_000, now: () => t });
		const a = deferred();
		const pa = q.run('a', a.job);
		t = 40_000;
		a.resolve('x');
		await pa;
		// 0.7 × 10 s + 0.3 × 40 s = 19 s per job.
		const b = deferred();
		void q.run('b', b.job);
		expect(() => q.run('b', b.job)).toThrow(expect.objectContaining({ retryAfterSeconds: 19 }));
	});
});
