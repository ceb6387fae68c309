/**
 * What the indicator page and its `data.csv` route share: the indicator of the default framework
 * (404 otherwise), the chosen region, its peers (the instance's neighbours, narrowed by `?peers=`),
 * and the chart's series.
 */
import { error } from '@sveltejs/kit';
import { comparisonGroup, config } from '$lib/server/config';
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
	// The peers drawn beside the region: the instance's neighbours (data/instance.json), so a
	// chart never carries all kabupaten/kota of the province at once (the map shows those).
	const group = new Set(comparisonGroup(config().instance));
	const peers = sc.regions.filter((r) => r.code !== region.code && group.has(r.code));
	const choice = parsePeers(
		url.searchParams.getAll('peers'),
		peers.map((p) => p.code),
		region.code
	);
	if (choice.unknown.length) error(404, `Unknown peer region "${choice.unknown.join(', ')}".`);
	const values = observations.listCurrent(db, {
		indicator: code,
		regions: [region.code, ...peers.map((p) => p.code)]
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
