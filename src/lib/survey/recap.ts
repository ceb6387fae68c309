/**
 * The survey's recap as the ministry asks for it (the "rekap survei dampak" uploaded as evidence):
 * one row per pillar, sub-dimension and statement, in the instrument's order, with the programmes
 * asked about, n, "tidak tahu", the mean and its 95 % interval. Headers in Indonesian, the
 * portal's language. Numbers stay numbers; the CSV and XLSX writers format them.
 * Pure module: no Svelte, no SvelteKit, no database.
 */
import type { GroupResult, StatementResult, SurveyResults } from './results';
import type { SurveyStructure } from './structure';

export const RECAP_HEADER = [
	'Tingkat',
	'Pilar',
	'Sub Dimensi',
	'No',
	'Kode',
	'Pernyataan',
	'Program',
	'Responden (n)',
	'Tidak tahu',
	'Rata-rata',
	'Batas bawah 95%',
	'Batas atas 95%'
] as const;

export type RecapCell = string | number | null;

/**
 * The recap's rows under RECAP_HEADER.
 * @example recapRows(s, results, {})[0] // ['Pilar', 'Smart Governance', '', '', 'smart-governance', '', '', 58, null, 2.8, 2.6, 3.0]
 */
export function recapRows(
	structure: SurveyStructure,
	results: SurveyResults,
	programmes: Readonly<Record<string, readonly { name: string }[]>>
): RecapCell[][] {
	const find = <T extends { code: string }>(rows: T[], code: string) =>
		rows.find((r) => r.code === code)!;
	const numbers = (r: GroupResult | StatementResult, dontKnow: number | null) => [
		r.n,
		dontKnow,
		r.mean,
		r.low,
		r.high
	];
	const rows: RecapCell[][] = [];
	for (const p of structure.pillars) {
		rows.push([
			'Pilar',
			p.name,
			'',
			'',
			p.key,
			'',
			'',
			...numbers(find(results.pillars, p.key), null)
		]);
		for (const d of p.subDimensions) {
			const names = (programmes[d.code] ?? []).map((x) => x.name).join('; ');
			rows.push([
				'Sub Dimensi',
				p.name,
				`${d.number} ${d.name}`,
				d.number,
				d.code,
				'',
				names,
				...numbers(find(results.subDimensions, d.code), null)
			]);
			for (const s of d.statements) {
				const r = find(results.statements, s.code);
				rows.push([
					'Pernyataan',
					p.name,
					`${d.number} ${d.name}`,
					s.itemNo,
					s.code,
					s.statement,
					names,
					...numbers(r, r.dontKnow)
				]);
			}
		}
	}
	return rows;
}
