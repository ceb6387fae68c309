/**
 * Shared by the submission routes: the acting person for the service, the numeric id from the
 * URL, a snapshot read or a 404, and the mapping of the service's refusals to responses (403 and
 * 404 as errors, the rest as `fail` with a code the page turns into a message).
 */
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { actorOf, requireCapability } from '$lib/server/auth/guard';
import type { Connection } from '$lib/server/db';
import {
	readSnapshot,
	SubmissionError,
	type SubmissionActor
} from '$lib/server/submissions/service';
import { SUBMISSION_NEEDS } from '$lib/server/submissions/workspace';

export type Need = keyof typeof SUBMISSION_NEEDS;

/** The signed-in person when their role may `need`; otherwise a recorded 403. */
export function requireSubmissionRole(event: RequestEvent, need: Need): SubmissionActor {
	const user = requireCapability(event, SUBMISSION_NEEDS[need]);
	return { user, address: actorOf(event).address };
}

/** A positive whole number from a route parameter, else 404. */
export function idParam(value: string | undefined): number {
	const n = Number(value);
	if (!value || !/^\d{1,9}$/.test(value) || !(n > 0)) error(404, 'Not found');
	return n;
}

export { formId, text } from '../form';

/** Runs a service call; refusals become 403/404 errors or a `fail` with the code and detail. */
export async function attempt<T>(fn: () => T | Promise<T>) {
	try {
		return { ok: true as const, value: await fn() };
	} catch (e) {
		if (!(e instanceof SubmissionError)) throw e;
		if (e.status === 403) error(403, 'Forbidden');
		if (e.status === 404) error(404, 'Not found');
		return { ok: false as const, failure: fail(e.status, { code: e.code, detail: e.detail }) };
	}
}

/** A snapshot of this submission (see `readSnapshot`); one that does not exist or is another's: 404. */
export function readSnapshotOr404(conn: Connection, submissionId: number, snapshotId: number) {
	try {
		return readSnapshot(conn, submissionId, snapshotId);
	} catch (e) {
		if (e instanceof SubmissionError) error(404, 'Not found');
		throw e;
	}
}
