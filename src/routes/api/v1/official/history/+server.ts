import { json } from '@sveltejs/kit';
import type { HistoryEntry, RegionHistory } from '$lib/evaluation/history';
import { m } from '$lib/paraglide/messages';
import { ApiNotFound, parseQuery, withQuery } from '$lib/server/api';
import { config } from '$lib/server/config';
import { getConnection } from '$lib/server/db';
import * as regions from '$lib/server/db/regions';
import { officialHistory } from '$lib/server/official-results';
import type { RequestHandler } from './$types';

/** The API's words for a derived value, in both languages (the API has no reader's language). */
const derivedNote = (e: HistoryEntry) =>
	e.derived
		? {
				derived_note_id: m.ofh_derived_note({}, { locale: 'id' }),
				derived_note_en: m.ofh_derived_note({}, { locale: 'en' })
			}
		: { derived_note_id: null, derived_note_en: null };

function apiEntry(e: HistoryEntry) {
	return {
		year: e.year,
		origin: e.origin,
		derived: e.derived,
		...derivedNote(e),
		derived_from_year: e.derivedFrom,
		cohort_id: e.cohort?.id ?? null,
		cohort_en: e.cohort?.en ?? null,
		scores: e.scores,
		final: e.final,
		improvement: e.improvement,
		change: e.change,
		change_from_year: e.changeFrom,
		letter: e.letter,
		letter_date: e.letterDate,
		source_href: e.sourceHref,
		table: e.table
	};
}

/**
 * One region's Kominfo evaluation results, newest first, on the ministry's 0–4 scale: the bundled
 * letters' tables and the results staff recorded since, each with its change on the result before
 * and its letter; a value derived from a printed Indeks Peningkatan is flagged and says so.
 */
export const GET: RequestHandler = ({ url }) =>
	withQuery(() => {
		const q = parseQuery(url, { region: 'code' });
		const { dataDir, instance } = config();
		const code = q.region ?? instance.defaultRegion;
		const conn = getConnection();
		const region = regions.get(conn.db, code);
		if (!region) throw new ApiNotFound(`Unknown region "${code}". See /api/v1/regions.`);
		const history: RegionHistory = officialHistory(conn, code, dataDir);
		return json({
			region: { code: region.code, name: region.name },
			scale: { min: 0, max: 4 },
			entries: history.entries.map(apiEntry)
		});
	});
