/**
 * The figures data/README.md gives about the bundled dataset (rows, source kinds, indicators with
 * data per dimension, complete province layers, indicators still without a published figure),
 * counted from the files scripts/build-dataset.ts writes. The build puts them between two marker
 * lines of the README and `--check` fails when they drift, so no count there is typed by hand.
 */
import type { Row } from './build-dataset.ts';

export const SUMMARY_START = '<!-- summary: written by npm run data:build, do not edit -->';
export const SUMMARY_END = '<!-- end of summary -->';

export interface SummaryInput {
	observations: Row[];
	targets: Row[];
	conflicts: Row[];
	decisions: number;
	/** indicators.csv rows (code, framework_code, element_code, weight, name_en). */
	indicators: Row[];
	/** framework-nodes.csv rows (framework_code, code, parent_code, name_en). */
	nodes: Row[];
	instance: { defaultRegion: string; peers: string[]; framework: string; province: string };
	/** Every region (code, name, kind, parent_code). */
	regions: Row[];
}

const KINDS = ['bps', 'salinan_bps', 'pemerintah', 'berita', 'lainnya'];

const int = (n: number) => n.toLocaleString('en-US');

/** "2019–2024", "2023" or "2019, 2021–2024": the years, runs joined. */
export function yearRuns(years: Iterable<number>): string {
	const ys = [...new Set(years)].sort((a, b) => a - b);
	const runs: string[] = [];
	for (let i = 0; i < ys.length;) {
		let j = i;
		while (j + 1 < ys.length && ys[j + 1] === ys[j] + 1) j++;
		runs.push(i === j ? String(ys[i]) : `${ys[i]}–${ys[j]}`);
		i = j + 1;
	}
	return runs.join(', ');
}

/**
 * The summary as Markdown lines.
 * @example datasetSummary(input)[0] // '- `observations.csv`: 2,215 values …'
 */
export function datasetSummary(input: SummaryInput): string[] {
	const { observations: obs, instance } = input;
	const home = instance.defaultRegion;
	const group = new Set([home, ...instance.peers]);
	const name = new Map(input.regions.map((r) => [r.code, r.name]));
	const byKind = new Map(KINDS.map((k) => [k, 0]));
	for (const o of obs) byKind.set(o.source_kind, (byKind.get(o.source_kind) ?? 0) + 1);
	const years = obs.map((o) => Number(o.year));
	const kinds = (k: string) => input.regions.filter((r) => r.kind === k).length;
	const frameworks = [...new Set(input.indicators.map((i) => i.framework_code))].sort();
	const lines = [
		`- Regions: ${kinds('provinsi')} province, ${kinds('kabupaten') + kinds('kota')} kabupaten/kota (${kinds('kabupaten')} kabupaten, ${kinds('kota')} kota), ${kinds('kecamatan')} kecamatan of ${name.get(home) ?? home}.`,
		`- \`indicators.csv\`: ${frameworks
			.map((f) => {
				const all = input.indicators.filter((i) => i.framework_code === f);
				const context = all.filter((i) => !(Number(i.weight) > 0)).length;
				return `${all.length} of \`${f}\`${context ? ` (${all.length - context} scored, ${context} context)` : ''}`;
			})
			.join(', ')}.`,
		`- \`observations.csv\`: ${int(obs.length)} values for ${new Set(obs.map((o) => o.region_code)).size} regions and ${new Set(obs.map((o) => o.indicator_code)).size} indicators, ${Math.min(...years)}–${Math.max(...years)}; by source kind: ${KINDS.map((k) => `${k} ${int(byKind.get(k) ?? 0)}`).join(', ')}.`,
		`- ${name.get(home) ?? home} and its ${instance.peers.length} peers: ${int(obs.filter((o) => group.has(o.region_code)).length)} values; ${name.get(home) ?? home} alone: ${int(obs.filter((o) => o.region_code === home).length)}.`,
		`- \`targets.csv\`: ${int(input.targets.length)} targets. \`conflicts.csv\`: ${int(input.conflicts.length)} rows for ${new Set(input.conflicts.map((c) => `${c.region_code}|${c.indicator_code}|${c.year}`)).size} region-indicator-years where sources disagree; \`sources/decisions.csv\`: ${int(input.decisions)} decisions.`
	];

	// Per dimension of the default framework: which indicators the default region has data for.
	const fw = input.indicators.filter((i) => i.framework_code === instance.framework);
	const homeYears = new Map<string, number[]>();
	for (const o of obs) {
		if (o.region_code !== home) continue;
		homeYears.set(o.indicator_code, [...(homeYears.get(o.indicator_code) ?? []), Number(o.year)]);
	}
	const dimensions = input.nodes.filter(
		(n) => n.framework_code === instance.framework && n.parent_code === ''
	);
	lines.push(
		'',
		`Indicators of \`${instance.framework}\` with a published value for ${name.get(home) ?? home} (context indicators, weight 0, in italics):`,
		'',
		'| dimension | indicators | with data | which, and the years |',
		'| --- | --- | --- | --- |'
	);
	const missing: string[] = [];
	for (const d of dimensions) {
		const members = fw.filter((i) => i.element_code.split('.')[0] === d.code);
		const withData = members.filter((i) => homeYears.has(i.code));
		for (const i of members) if (!homeYears.has(i.code)) missing.push(`\`${i.code}\``);
		const label = (i: Row) => {
			const text = `\`${i.code}\` (${yearRuns(homeYears.get(i.code)!)})`;
			return Number(i.weight) > 0 ? text : `_${text}_`;
		};
		lines.push(
			`| ${d.name_en} | ${members.length} | ${withData.length} | ${withData.map(label).join(', ') || '–'} |`
		);
	}
	lines.push(
		'',
		`Still without any published figure for ${name.get(home) ?? home} (${missing.length}): ${missing.join(', ') || 'none'}.`
	);

	// Map layers: indicators with a value for every kabupaten/kota of the province in some year.
	const onMap = input.regions
		.filter(
			(r) => r.parent_code === instance.province && (r.kind === 'kabupaten' || r.kind === 'kota')
		)
		.map((r) => r.code);
	const cover = new Map<string, Set<string>>();
	for (const o of obs) {
		const k = `${o.indicator_code}|${o.year}`;
		if (!cover.has(k)) cover.set(k, new Set());
		cover.get(k)!.add(o.region_code);
	}
	const complete = new Map<string, number[]>();
	for (const [k, regions] of cover) {
		if (!onMap.every((c) => regions.has(c))) continue;
		const [code, year] = k.split('|');
		complete.set(code, [...(complete.get(code) ?? []), Number(year)]);
	}
	const layers = [...complete.keys()].sort();
	lines.push(
		'',
		`Indicators with a value for all ${onMap.length} kabupaten/kota of the province in some year (map layers, ${layers.length}): ${layers.map((c) => `\`${c}\` (${yearRuns(complete.get(c)!)})`).join(', ') || 'none'}.`
	);
	return lines;
}

/** The README with the block between the markers replaced; throws when a marker is missing. */
export function withSummary(readme: string, lines: string[]): string {
	const start = readme.indexOf(SUMMARY_START);
	const end = readme.indexOf(SUMMARY_END);
	if (start < 0 || end < start) {
		throw new Error(`data/README.md needs the lines "${SUMMARY_START}" and "${SUMMARY_END}"`);
	}
	return (
		readme.slice(0, start + SUMMARY_START.length) +
		'\n\n' +
		lines.join('\n') +
		'\n\n' +
		readme.slice(end)
	);
}
