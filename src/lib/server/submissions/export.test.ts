import { describe, expect, it } from 'vitest';
import { oneAtATime } from './export';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('oneAtATime()', () => {
	it('runs calls one after another, in call order, each with its own result', async () => {
		const log: string[] = [];
		let running = 0;
		let most = 0;
		const slow = oneAtATime(async (name: string, ms: number) => {
			running++;
			most = Math.max(most, running);
			log.push(`start ${name}`);
			await new Promise((r) => setTimeout(r, ms));
			log.push(`end ${name}`);
			running--;
			return name.toUpperCase();
		});
		const results = await Promise.all([slow('a', 20), slow('b', 1), slow('c', 5)]);
		expect(results).toEqual(['A', 'B', 'C']);
		expect(most).toBe(1);
		expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
	});

	it('a failed call rejects for its caller only; the next call still runs', async () => {
		const calls: number[] = [];
		const f = oneAtATime(async (n: number) => {
			calls.push(n);
			await tick();
			if (n === 1) throw new Error('chromium crashed');
			return n;
		});
		const first = f(1);
		const second = f(2);
		await expect(first).rejects.toThrow('chromium crashed');
		await expect(second).resolves.toBe(2);
		expect(calls).toEqual([1, 2]);
	});
});
