/**
 * What the indicator page and its `data.csv` route share: the indicator of the default framework
 * (404 otherwise), the chosen region, the peers from `?peers=`, and the chart's series.
 */
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as indicators from '$lib/server/db/indicators';
import * as observations from '$lib/server/db/observations';
import * as targets from '$lib/server/db/targets';
import { resolveScorecard } from '$lib/server/scorecard';
import { indicatorChart, parsePeers } from '../series';

export function indicatorView(url: URL, code: string) {
	const sc = resolveScorecard(url);
	const { ctx, region } = sc;
	if (!ctx.framework.indicators.some((i) => i.code === code)) {
		error(404, `Unknown indicator "${code}".`);
	}
	const db = getDb();
	const meta = indicators.get(db, code)!;
	const peers = sc.regions.filter((r) => r.code !== region.code);
	const choice = parsePeers(
		url.searchParams.getAll('peers'),
		peers.map((p) => p.code),
		region.code
	);
	if (choice.unknown.length) error(404, `Unknown peer region "${choice.unknown.join(', ')}".`);
	const values = observations.listCurrent(db, {
		indicator: code,
		regions: sc.regions.map((r) => r.code)
	});
	const goals = targets.listCurrent(db, { region: region.code, indicator: code });
	const chart = indicatorChart(
		values,
		goals.map((t) => ({ year: t.year, value: t.value, illustrative: t.illustrative })),
		region,
		peers,
		choice.shown
	);
	return { sc, meta, peers, shownPeers: choice.shown, values, goals, chart };
}
