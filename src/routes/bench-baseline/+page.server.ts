import { error } from '@sveltejs/kit';
import { getConnection } from '$lib/server/db';
import { countCurrent } from '$lib/server/db/observations';
import type { PageServerLoad } from './$types';

/**
 * The benchmark's baseline: a bare SvelteKit page that runs one SQLite query, so `npm run bench`
 * can measure the scorecard against the framework's own floor in the same run. It exists only
 * when the server was started with BENCH_BASELINE=1.
 */
export const load = (() => {
	if (process.env.BENCH_BASELINE !== '1') error(404, 'Not found');
	return { observations: countCurrent(getConnection()) };
}) satisfies PageServerLoad;
