import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyContext } from './context';
import { toCsv } from './export';
import {
	IMPORT_KINDS,
	SOURCE_KINDS,
	TARGET_DOCUMENTS,
	type ImportKind,
	type ObservationRow,
	type TargetRow,
	type ValidationContext,
	type ValueType
} from './types';
import { validateCsv, validateCsvStream } from './validate';

const encode = (s: string) => new TextEncoder().encode(s);

const INDICATORS: Record<string, ValueType> = {
	num: 'number',
	pct: 'percent',
	cnt: 'count',
	lvl: 'level'
};

function context(): ValidationContext {
	const ctx = emptyContext();
	for (const r of ['33', '33.18', '33.19']) ctx.regions.add(r);
	ctx.frameworks.add('fw');
	ctx.nodes.set('fw', new Set(['a', 'a.b']));
	for (const [code, valueType] of Object.entries(INDICATORS))
		ctx.indicators.set(code, {
			valueType,
			method: valueType === 'level' ? 'level' : 'target',
			worst: null,
			best: null,
			frameworkCode: 'fw'
		});
	return ctx;
}

async function* chunked(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
	let i = 0;
	let k = 0;
	while (i < bytes.length) {
		const size = Math.max(1, sizes[k++ % sizes.length]);
		yield bytes.subarray(i, i + size);
		i += size;
	}
}

const kindArb = fc.constantFrom<ImportKind>(...IMPORT_KINDS);

/** Text that looks like CSV: real headers, delimiters, quotes, line breaks, numbers, accents. */
const csvish = fc
	.tuple(
		fc.constantFrom(
			'region_code,indicator_code,year,value,source\n',
			'kode_wilayah;kode_indikator;2022;2023;sumber\r\n',
			'code\tname\tkind\tparent_code\n',
			'\uFEFFregion_code,indicator_code,year,value,source,note,illustrative\n',
			''
		),
		fc.array(
			fc.constantFrom(
				',',
				';',
				'\t',
				'"',
				'""',
				'\n',
				'\r\n',
				'\r',
				' ',
				'33.18',
				'pct',
				'num',
				'2023',
				'1.234',
				'12,5',
				'-',
				'=',
				"'",
				'é',
				'–',
				'NaN',
				'9.31',
				'ya',
				'x',
				'\uFEFF',
				'2022'
			),
			{ maxLength: 80 }
		)
	)
	.map(([head, parts]) => head + parts.join(''));

function checkInvariants(report: {
	status: string;
	errors: unknown[];
	errorCount: number;
	rowCount: number;
	valueCount: number;
}) {
	expect(report.status).toBe(report.errorCount > 0 ? 'invalid' : 'valid');
	expect(report.errors.length).toBe(Math.min(report.errorCount, 100));
	expect(report.rowCount).toBeGreaterThanOrEqual(0);
	expect(report.valueCount).toBeGreaterThanOrEqual(0);
}

describe('validateCsv() never throws', () => {
	it('validateCsv() returns a consistent report for random bytes of any kind', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 600 }), kindArb, (bytes, kind) => {
				const report = validateCsv(bytes, { kind, context: context() });
				checkInvariants(report);
				expect(JSON.stringify(report.rows)).not.toContain('\uFFFD');
			}),
			{ numRuns: 500 }
		);
	});

	it('validateCsv() returns a consistent report for random CSV-like text', () => {
		fc.assert(
			fc.property(
				csvish,
				kindArb,
				fc.constantFrom(undefined, 'id' as const, 'en' as const),
				(text, kind, locale) => {
					const report = validateCsv(encode(text), { kind, context: context(), locale });
					checkInvariants(report);
					if (report.status === 'valid') expect(report.rows.length).toBe(report.valueCount);
				}
			),
			{ numRuns: 1000 }
		);
	});

	it('validateCsvStream() agrees with validateCsv() on CSV-like text, whatever the chunking', async () => {
		await fc.assert(
			fc.asyncProperty(
				csvish,
				fc.constantFrom<ImportKind>('observations', 'regions'),
				fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 5 }),
				async (text, kind, sizes) => {
					const bytes = encode(text);
					const { rows, ...whole } = validateCsv(bytes, { kind, context: context() });
					const streamed: unknown[] = [];
					const report = await validateCsvStream(chunked(bytes, sizes), {
						kind,
						context: context(),
						onRow: (r) => streamed.push(r)
					});
					if (whole.errors.some((e) => e.code === 'encoding-error'))
						expect(report.status).toBe('invalid');
					else {
						expect(report).toEqual(whole);
						expect(streamed).toEqual(rows);
					}
				}
			),
			{ numRuns: 300 }
		);
	});

	it('validateCsvStream() never rejects on random bytes', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.uint8Array({ maxLength: 400 }),
				fc.integer({ min: 1, max: 9 }),
				async (bytes, size) => {
					checkInvariants(
						await validateCsvStream(chunked(bytes, [size]), {
							kind: 'observations',
							context: context()
						})
					);
				}
			),
			{ numRuns: 300 }
		);
	});
});

/** Text as the validator hands it back: trimmed, no control characters, no CR (normalised to LF). */
const cellText = fc
	.oneof(
		fc.string({ unit: 'grapheme', maxLength: 12 }),
		fc
			.array(
				fc.constantFrom(
					'=',
					'+',
					'-',
					'@',
					"'",
					'"',
					',',
					';',
					'\n',
					'\t',
					' ',
					'a',
					'é',
					'1',
					'.'
				),
				{ maxLength: 10 }
			)
			.map((parts) => parts.join(''))
	)
	// eslint-disable-next-line no-control-regex -- the validator refuses control characters
	.map((s) => s.replace(/[\u0000-\u0008\u000B-\u001F\u007F\uFFFD]/g, ''))
	.filter((s) => s === s.trim());
const requiredText = cellText.filter((s) => s.length > 0);
const optionalText = fc.option(requiredText, { nil: null });

const valueFor = (type: ValueType): fc.Arbitrary<number> => {
	switch (type) {
		case 'percent':
			return fc.double({ min: 0, max: 100, noNaN: true }).map((v) => v + 0);
		case 'count':
			return fc.nat({ max: 2_000_000_000 });
		case 'level':
			return fc.integer({ min: 1, max: 5 });
		default:
			return fc
				.double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true })
				.map((v) => v + 0);
	}
};

const value = fc
	.record({
		regionCode: fc.constantFrom('33', '33.18', '33.19'),
		indicatorCode: fc.constantFrom(...Object.keys(INDICATORS)),
		year: fc.integer({ min: 1990, max: 2100 }),
		source: requiredText,
		note: optionalText,
		illustrative: fc.option(fc.boolean(), { nil: null })
	})
	.chain((r) => valueFor(INDICATORS[r.indicatorCode]).map((value) => ({ ...r, value })));
const observation = value.chain((r) =>
	fc
		.record({
			sourceKind: fc.option(fc.constantFrom(...SOURCE_KINDS), { nil: null }),
			referencePeriod: optionalText
		})
		.map((provenance) => ({ ...r, ...provenance }))
);

const key = (r: { regionCode: string; indicatorCode: string; year: number }) =>
	`${r.regionCode}|${r.indicatorCode}|${r.year}`;

describe('toCsv() → validateCsv() round trip', () => {
	it('observations written by toCsv() read back as the same rows', () => {
		fc.assert(
			fc.property(fc.uniqueArray(observation, { selector: key, maxLength: 25 }), (rows) => {
				const typed: ObservationRow[] = rows.map((r, i) => ({ ...r, sourceRow: i + 2 }));
				const report = validateCsv(encode(toCsv(typed, 'observations')), {
					kind: 'observations',
					context: context(),
					allowIllustrative: true
				});
				expect(report.errors).toEqual([]);
				expect(report.rows).toEqual(typed);
			}),
			{ numRuns: 300 }
		);
	});

	it('targets written by toCsv() read back as the same rows, through a chunked stream too', async () => {
		const target = value.chain((r) =>
			fc
				.record({ documentType: fc.constantFrom(...TARGET_DOCUMENTS), documentRef: requiredText })
				.map((doc) => ({ ...r, ...doc }))
		);
		await fc.assert(
			fc.asyncProperty(fc.uniqueArray(target, { selector: key, maxLength: 15 }), async (rows) => {
				const typed: TargetRow[] = rows.map((r, i) => ({ ...r, sourceRow: i + 2 }));
				const bytes = encode(toCsv(typed, 'targets'));
				const streamed: unknown[] = [];
				const report = await validateCsvStream(chunked(bytes, [7, 3]), {
					kind: 'targets',
					context: context(),
					allowIllustrative: true,
					onRow: (r) => streamed.push(r)
				});
				expect(report.errors).toEqual([]);
				expect(streamed).toEqual(typed);
			}),
			{ numRuns: 150 }
		);
	});
});
