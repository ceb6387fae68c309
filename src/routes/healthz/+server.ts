import { json } from '@sveltejs/kit';
import { getConnection } from '$lib/server/db';
import { countCurrent } from '$lib/server/db/observations';
import type { RequestHandler } from './$types';

/** Liveness and database status for a load balancer or uptime check. */
export const GET: RequestHandler = () => {
	try {
		const observations = countCurrent(getConnection());
		return json(
			{ status: 'ok', database: 'ok', observations },
			{ headers: { 'cache-control': 'no-store' } }
		);
	} catch (e) {
		return json(
			{ status: 'error', database: 'unavailable', message: (e as Error).message },
			{ status: 503, headers: { 'cache-control': 'no-store' } }
		);
	}
};
