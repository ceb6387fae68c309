import { json } from '@sveltejs/kit';
import { getConnection } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** Liveness and database status for a load balancer or uptime check. */
export const GET: RequestHandler = () => {
	try {
		const conn = getConnection();
		const row = conn.sqlite
			.prepare(
				'SELECT (SELECT count(*) FROM observations WHERE superseded_by IS NULL) AS observations'
			)
			.get() as { observations: number };
		return json(
			{ status: 'ok', database: 'ok', observations: row.observations },
			{ headers: { 'cache-control': 'no-store' } }
		);
	} catch (e) {
		return json(
			{ status: 'error', database: 'unavailable', message: (e as Error).message },
			{ status: 503, headers: { 'cache-control': 'no-store' } }
		);
	}
};
