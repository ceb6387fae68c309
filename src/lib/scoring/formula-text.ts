/**
 * The score trace's formula in the reader's language. The engine writes each formula once, in
 * English with '.' decimals (it is also what the API returns, so it stays stable); an Indonesian
 * page shows it with decimal commas and its few words in Indonesian, beside "Skor 69,1".
 *
 * The phrases are the engine's own (`scoring/engine.ts`, `formula()` and the group formula); a
 * phrase not listed stays English, and `formula-text.test.ts` runs the engine's formulas through.
 */
import type { Locale } from '../format';

const PHRASES: [RegExp, string][] = [
	[/\bnot scored\b/g, 'tidak diskor'],
	[/\bnot applicable in\b/g, 'tidak berlaku pada'],
	[/\bnot applicable: the indicator exists from\b/g, 'tidak berlaku: indikator ada sejak'],
	[/\bno child with weight > 0 applies that year\b/g, 'tidak ada anak berbobot > 0 yang berlaku'],
	[/\bclamped to\b/g, 'dibatasi ke'],
	[/\blimited to\b/g, 'dibatasi ke'],
	[/\btarget of\b/g, 'target tahun'],
	[/\bno ratio\b/g, 'tanpa rasio'],
	[/\bnot met\b/g, 'tidak tercapai'],
	[/\bmet\b/g, 'tercapai'],
	[/% of benchmark/g, '% dari acuan'],
	[/\bpoints\b/g, 'poin'],
	[/\bcoverage\b/g, 'cakupan'],
	[/\bminimum\b/g, 'minimum'],
	[/\bmaximum\b/g, 'maksimum'],
	[/\bcarried forward\b/g, 'nilai terbawa'],
	[/\btarget\b/g, 'target'],
	[/\bvalue\b/g, 'nilai'],
	[/\bno_value\b/g, 'tanpa nilai']
];

/**
 * `formulaText('(72.5 − 60) / (85 − 60) × 100 = 50', 'id')` → `'(72,5 − 60) / (85 − 60) × 100 = 50'`;
 * English is returned as written.
 */
export function formulaText(formula: string, locale: Locale): string {
	if (locale === 'en') return formula;
	let out = formula.replace(/(\d)\.(\d)/g, '$1,$2');
	for (const [pattern, id] of PHRASES) out = out.replace(pattern, id);
	return out;
}
