/**
 * A small queue for expensive jobs (PDF prints start a Chromium each, ~150 MB): at most
 * `concurrency` run at once, at most `maxWaiting` wait, each owner (a user) has at most one job
 * queued or running, and a job that runs past `timeoutMs` is aborted. A refusal says when to try
 * again, from the recent average run time, so one person pressing "PDF" three times cannot delay
 * everyone else's export.
 */

export class QueueBusy extends Error {
	override name = 'QueueBusy';
	constructor(
		/** `owner`: this user already has a job queued or running; `full`: too many are waiting. */
		readonly reason: 'owner' | 'full',
		readonly retryAfterSeconds: number
	) {
		super(`job queue busy (${reason}): try again in ${retryAfterSeconds} s`);
	}
}

export class JobTimeout extends Error {
	override name = 'JobTimeout';
}

export interface JobQueueOptions {
	concurrency?: number;
	maxWaiting?: number;
	timeoutMs?: number;
	/** Assumed run time until a job has finished. */
	initialEstimateMs?: number;
	now?: () => number;
}

interface Waiting {
	start: () => void;
}

export interface JobQueue {
	run<T>(owner: string, job: (signal: AbortSignal) => Promise<T>): Promise<T>;
	readonly running: number;
	readonly waiting: number;
}

export function createJobQueue(options: JobQueueOptions = {}): JobQueue {
	const concurrency = options.concurrency ?? 1;
	const maxWaiting = options.maxWaiting ?? 3;
	const timeoutMs = options.timeoutMs ?? 60_000;
	const now = options.now ?? Date.now;
	let estimateMs = options.initialEstimateMs ?? 10_000;
	let running = 0;
	const queue: Waiting[] = [];
	const owners = new Set<string>();

	/** Seconds until a job placed `ahead` positions back would start, rounded up, at least 1. */
	const secondsFor = (ahead: number) =>
		Math.max(1, Math.ceil(((ahead / concurrency) * estimateMs) / 1000));

	const next = () => {
		while (running < concurrency && queue.length) queue.shift()!.start();
	};

	return {
		get running() {
			return running;
		},
		get waiting() {
			return queue.length;
		},
		run<T>(owner: string, job: (signal: AbortSignal) => Promise<T>): Promise<T> {
			if (owners.has(owner)) throw new QueueBusy('owner', secondsFor(queue.length + 1));
			if (running >= concurrency && queue.length >= maxWaiting)
				throw new QueueBusy('full', secondsFor(queue.length + 1));
			owners.add(owner);
			return new Promise<T>((resolve, reject) => {
				const start = () => {
					running++;
					const started = now();
					const controller = new AbortController();
					let settled = false;
					const finish = () => {
						if (settled) return false;
						settled = true;
						clearTimeout(timer);
						running--;
						owners.delete(owner);
						next();
						return true;
					};
					const timer = setTimeout(() => {
						if (!finish()) return;
						controller.abort();
						reject(new JobTimeout(`the job ran longer than ${timeoutMs} ms`));
					}, timeoutMs);
					job(controller.signal).then(
						(value) => {
							// A moving average, so the "try again in" follows the machine's real pace.
							estimateMs = Math.round(estimateMs * 0.7 + (now() - started) * 0.3);
							if (finish()) resolve(value);
						},
						(e: unknown) => {
							if (finish()) reject(e);
						}
					);
				};
				if (running < concurrency) start();
				else queue.push({ start });
			});
		}
	};
}
