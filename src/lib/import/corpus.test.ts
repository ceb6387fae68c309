import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyContext } from './context';
import { ERROR_CODES, type ImportKind, type Locale, type ValidationContext } from './types';
import { validateCsv, validateCsvStream } from './validate';

const dir = new URL('../../../tests/fixtures/csv/', import.meta.url);

interface Expected {
	kind: ImportKind;
	status: 'valid' | 'invalid';
	note: string;
	options?: { defaultRegion?: string; locale?: Locale };
	shape?: string;
	delimiter?: string;
	encoding?: string;
	lineEnding?: string;
	bom?: boolean;
	locale?: Locale | null;
	rowCount?: number;
	valueCount?: number;
	values?: number[];
	notes?: (string | null)[];
	errors: { code: string; row: number | null; column: string | null }[];
}

const expected: Record<string, Expected> = JSON.parse(
	readFileSync(new URL('expected.json', dir), 'utf-8')
);

/** The fixed context of the corpus: three regions, one framework, indicators of each value type. */
export function corpusContext(): ValidationContext {
	const ctx = emptyContext();
	for (const code of ['33', '33.18', '33.19']) ctx.regions.add(code);
	ctx.frameworks.add('gm100sc');
	ctx.nodes.set(
		'gm100sc',
		new Set(['governance', 'governance.service', 'economy', 'economy.welfare'])
	);
	const fw = 'gm100sc';
	ctx.indicators.set('poverty_rate', {
		valueType: 'percent',
		method: 'minmax',
		worst: 20,
		best: 0,
		frameworkCode: fw
	});
	ctx.indicators.set('internet_access', {
		valueType: 'percent',
		method: 'minmax',
		worst: 0,
		best: 100,
		frameworkCode: fw
	});
	ctx.indicators.set('grdp_growth', {
		valueType: 'number',
		method: 'minmax',
		worst: -5,
		best: 10,
		frameworkCode: fw
	});
	ctx.indicators.set('population', {
		valueType: 'count',
		method: 'target',
		worst: null,
		best: null,
		frameworkCode: fw
	});
	ctx.indicators.set('spbe_level', {
		valueType: 'level',
		method: 'level',
		worst: 1,
		best: 5,
		frameworkCode: fw
	});
	return ctx;
}

const files = readdirSync(dir).filter((f) => f !== 'expected.json');

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('CSV fixture corpus', () => {
	it('has at least 30 files, each with an expected outcome and no expectation without a file', () => {
		expect(files.length).toBeGreaterThanOrEqual(30);
		expect(files.sort()).toEqual(Object.keys(expected).sort());
	});

	it('covers every error code and every delimiter', () => {
		const codes = new Set(Object.values(expected).flatMap((e) => e.errors.map((x) => x.code)));
		expect([...codes].sort()).toEqual([...ERROR_CODES].sort());
		const delimiters = new Set(Object.values(expected).map((e) => e.delimiter));
		for (const d of [',', ';', '\t']) expect(delimiters.has(d)).toBe(true);
	});

	for (const file of files) {
		const exp = expected[file];
		if (!exp) continue;
		const bytes = new Uint8Array(readFileSync(new URL(file, dir)));
		const options = { kind: exp.kind, context: corpusContext(), fileName: file, ...exp.options };

		it(`validateCsv() on ${file}: ${exp.note}`, () => {
			const report = validateCsv(bytes, options);
			expect(report.errors.map(({ code, row, column }) => ({ code, row, column }))).toEqual(
				exp.errors
			);
			expect(report.status).toBe(exp.status);
			expect(report.errorCount).toBe(exp.errors.length);
			for (const e of report.errors) {
				expect(e.message.id.length).toBeGreaterThan(10);
				expect(e.message.en.length).toBeGreaterThan(10);
			}
			if (exp.shape !== undefined) expect(report.shape).toBe(exp.shape);
			if (exp.delimiter !== undefined) expect(report.dialect?.delimiter).toBe(exp.delimiter);
			if (exp.encoding !== undefined) expect(report.dialect?.encoding).toBe(exp.encoding);
			if (exp.lineEnding !== undefined) expect(report.dialect?.lineEnding).toBe(exp.lineEnding);
			if (exp.bom !== undefined) expect(report.dialect?.bom).toBe(exp.bom);
			if (exp.locale !== undefined) expect(report.dialect?.locale).toBe(exp.locale);
			if (exp.rowCount !== undefined) expect(report.rowCount).toBe(exp.rowCount);
			if (exp.valueCount !== undefined) expect(report.valueCount).toBe(exp.valueCount);
			const rows = report.rows as unknown as Record<string, unknown>[];
			if (exp.values !== undefined) expect(rows.map((r) => r.value)).toEqual(exp.values);
			if (exp.notes !== undefined) expect(rows.map((r) => r.note)).toEqual(exp.notes);
			if (exp.status === 'valid') expect(report.valueCount).toBe(report.rows.length);
			for (const r of rows)
				for (const v of Object.values(r)) expect(String(v)).not.toContain('\uFFFD');
		});

		it(`validateCsvStream() in 1-, 3- and 64-byte chunks matches validateCsv() on ${file}`, async () => {
			const { rows, ...whole } = validateCsv(bytes, options);
			// A stream has read (and passed on) the rows before an encoding problem further down.
			const decodeProblem = whole.errors.some((e) => e.code === 'encoding-error');
			for (const size of [1, 3, 64]) {
				const streamed: unknown[] = [];
				const report = await validateCsvStream(chunked(bytes, size), {
					...options,
					onRow: (r) => streamed.push(r)
				});
				if (decodeProblem) {
					expect(report.status).toBe('invalid');
					expect(report.errors.map((e) => e.code)).toEqual(whole.errors.map((e) => e.code));
				} else {
					expect(report).toEqual(whole);
					expect(streamed).toEqual(rows);
				}
			}
		});
	}
});
