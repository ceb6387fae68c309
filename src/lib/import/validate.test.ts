import { describe, expect, it } from 'vitest';
import { addRowsToContext, emptyContext } from './context';
import type { IndicatorInfo, ObservationRow, ValidationContext } from './types';
import { validateCsv, validateCsvStream } from './validate';

const encode = (s: string) => new TextEncoder().encode(s);
const S = 'https://example.org/source';

function context(): ValidationContext {
	const ctx = emptyContext();
	for (const r of ['33', '33.18', '33.19']) ctx.regions.add(r);
	ctx.indicators.set('poverty_rate', {
		valueType: 'percent',
		method: 'minmax',
		worst: 20,
		best: 0,
		frameworkCode: 'gm100sc'
	});
	ctx.indicators.set('population', {
		valueType: 'count',
		method: 'target',
		worst: null,
		best: null,
		frameworkCode: 'gm100sc'
	});
	return ctx;
}

async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
	const b = encode(text);
	for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

const brief = (r: { errors: { code: string; row: number | null; column: string | null }[] }) =>
	r.errors.map(({ code, row, column }) => [code, row, column]);

describe('validateCsv()', () => {
	it('checks every row of a sorted file, however often a code repeats', () => {
		// The validator remembers the last region, indicator and code it accepted; a different
		// or unknown code right after one it remembers must still be checked.
		const report = validateCsv(
			encode(
				'region_code,indicator_code,year,value,source\n' +
					`33.18,poverty_rate,2021,9,${S}\n` +
					`33.18,poverty_rate,2021,9,${S}\n` +
					`33.19,poverty_rate,2021,9,${S}\n` +
					`33.18,poverty_rate,2022,9,${S}\n` +
					`33.18,poverty_rate,2021,8,${S}\n` +
					`33.99,poverty_rate,2021,9,${S}\n` +
					`33.18,poverty_rte,2021,9,${S}\n` +
					`33.18,poverty_rate,2023,9,${S}\n` +
					`33 18,poverty_rate,2024,9,${S}\n` +
					`33.18,population,2021,9.5,${S}\n` +
					`33.18,poverty_rate,2021,101,${S}\n`
			),
			{ kind: 'observations', context: context() }
		);
		expect(brief(report)).toEqual([
			['unique-error', 3, 'year'],
			['unique-error', 6, 'year'],
			['foreign-key-error', 7, 'region_code'],
			['foreign-key-error', 8, 'indicator_code'],
			['constraint-error', 10, 'region_code'],
			['constraint-error', 11, 'value'],
			['constraint-error', 12, 'value'],
			['unique-error', 12, 'year']
		]);
	});

	it('validateCsv() returns typed long rows with nulls for empty optional cells', () => {
		const report = validateCsv(
			encode(
				'region_code,indicator_code,year,value,source,source_kind,reference_period,note,illustrative\n' +
					`33.18,poverty_rate,2023,9.31,${S},BPS,Maret 2023,,ya\n` +
					`33.19,population,2022,"1,000,000",${S},berita,,"a ""quoted"" note",tidak\n` +
					`33.19,population,2023,5,${S},,,,\n`
			),
			{ kind: 'observations', context: context(), fileName: 'x.csv', allowIllustrative: true }
		);
		expect(report.status).toBe('valid');
		expect(report.fileName).toBe('x.csv');
		expect(report.rows).toEqual<ObservationRow[]>([
			{
				regionCode: '33.18',
				indicatorCode: 'poverty_rate',
				year: 2023,
				value: 9.31,
				source: S,
				sourceKind: 'bps',
				referencePeriod: 'Maret 2023',
				note: null,
				illustrative: true,
				sourceRow: 2
			},
			{
				regionCode: '33.19',
				indicatorCode: 'population',
				year: 2022,
				value: 1000000,
				source: S,
				sourceKind: 'berita',
				referencePeriod: null,
				note: 'a "quoted" note',
				illustrative: false,
				sourceRow: 3
			},
			{
				regionCode: '33.19',
				indicatorCode: 'population',
				year: 2023,
				value: 5,
				source: S,
				sourceKind: null,
				referencePeriod: null,
				note: null,
				illustrative: null,
				sourceRow: 4
			}
		]);
	});

	it('validateCsv() fills absent optional columns with null', () => {
		const report = validateCsv(
			encode(`region_code,indicator_code,year,value,source\n33.18,poverty_rate,2023,9,${S}\n`),
			{ kind: 'observations', context: context() }
		);
		expect(report.rows[0]).toEqual({
			regionCode: '33.18',
			indicatorCode: 'poverty_rate',
			year: 2023,
			value: 9,
			source: S,
			sourceKind: null,
			referencePeriod: null,
			note: null,
			illustrative: null,
			sourceRow: 2
		});
	});

	it('validateCsv() refuses a row flagged illustrative unless the demo allows it, naming row and column', () => {
		const csv = encode(
			`region_code,indicator_code,year,value,source,illustrative\n33.18,poverty_rate,2023,9,${S},tidak\n33.18,poverty_rate,2024,8,${S},ya\n`
		);
		const refused = validateCsv(csv, { kind: 'observations', context: context() });
		expect(refused.status).toBe('invalid');
		expect(refused.errors.map((e) => [e.code, e.row, e.column, e.value])).toEqual([
			['constraint-error', 3, 'illustrative', 'ya']
		]);
		expect(refused.errors[0].message.en).toBe(
			'This instance holds real data only: illustrative values cannot be imported. Leave this cell empty or write false; practice data belongs in the demo mode (npm run demo; the import command with DEMO=1).'
		);
		const demo = validateCsv(csv, {
			kind: 'observations',
			context: context(),
			allowIllustrative: true
		});
		expect(demo.status).toBe('valid');
		expect(demo.rows.map((r) => r.illustrative)).toEqual([false, true]);
	});

	it('validateCsv() refuses a source kind outside the list and names the allowed ones', () => {
		const report = validateCsv(
			encode(
				`region_code,indicator_code,year,value,source,source_kind\n33.18,poverty_rate,2023,9,${S},koran\n`
			),
			{ kind: 'observations', context: context() }
		);
		expect(report.errors.map((e) => [e.code, e.row, e.column])).toEqual([
			['constraint-error', 2, 'source_kind']
		]);
		expect(report.errors[0].message.id).toBe(
			'"koran" tidak termasuk pilihan. Pilih salah satu: bps, salinan_bps, pemerintah, berita, lainnya.'
		);
	});

	it('validateCsv() reads break years of an indicator as sorted, distinct years and refuses other text', () => {
		const head =
			'code,framework_code,element_code,name_id,name_en,unit,polarity,value_type,method,worst,best,break_years\n';
		const row = (years: string) =>
			`life_exp,gm100sc,economy.welfare,UHH,Life expectancy,years,higher,number,minmax,60,80,${years}\n`;
		const ctx = () => {
			const c = context();
			c.frameworks.add('gm100sc');
			c.nodes.set('gm100sc', new Set(['economy.welfare']));
			return c;
		};
		const ok = validateCsv(encode(head + row('2024 2010 2024')), {
			kind: 'indicators',
			context: ctx()
		});
		expect(ok.errors).toEqual([]);
		expect(ok.rows[0].breakYears).toEqual([2010, 2024]);
		for (const bad of ['2024;x', '24', '1800'])
			expect(
				validateCsv(encode(head + row(bad)), { kind: 'indicators', context: ctx() }).errors.map(
					(e) => [e.code, e.column]
				)
			).toEqual([[bad === '2024;x' ? 'type-error' : 'constraint-error', 'break_years']]);
	});

	it('validateCsv() turns a wide row into one row per non-empty year, keeping sourceRow', () => {
		const report = validateCsv(
			encode(
				`region_code,indicator_code,2021,2022,2023,source,note\n33.18,poverty_rate,10.5,,9.31,${S},n\n`
			),
			{ kind: 'observations', context: context() }
		);
		expect(report.shape).toBe('wide');
		expect(report.rowCount).toBe(1);
		expect(report.valueCount).toBe(2);
		expect(report.rows.map((r) => [r.year, r.value, r.note, r.sourceRow])).toEqual([
			[2021, 10.5, 'n', 2],
			[2023, 9.31, 'n', 2]
		]);
	});

	it('validateCsv() uses the default region for a missing column and for empty cells', () => {
		const withColumn = validateCsv(
			encode(
				`region_code,indicator_code,year,value,source\n,poverty_rate,2023,9,${S}\n33.19,poverty_rate,2023,8,${S}\n`
			),
			{ kind: 'observations', context: context(), defaultRegion: '33.18' }
		);
		expect(withColumn.rows.map((r) => r.regionCode)).toEqual(['33.18', '33.19']);
		const without = validateCsv(
			encode(`indicator_code,year,value,source\npoverty_rate,2023,9,${S}\n`),
			{
				kind: 'observations',
				context: context()
			}
		);
		expect(brief(without)).toEqual([['missing-label', 1, 'region_code']]);
	});

	it('validateCsv() reads numbers in the explicit locale, or the one the delimiter names', () => {
		const text = `kode_wilayah;kode_indikator;tahun;nilai;sumber\n33.18;population;2023;1.234;${S}\n`;
		// Inferred from the semicolon, the locale reads 1.234 the same way (issue 16).
		const inferred = validateCsv(encode(text), { kind: 'observations', context: context() });
		expect(inferred.rows.map((r) => r.value)).toEqual([1234]);
		expect(inferred.dialect?.localeExplicit).toBe(false);
		const explicit = validateCsv(encode(text), {
			kind: 'observations',
			context: context(),
			locale: 'id'
		});
		expect(explicit.rows.map((r) => r.value)).toEqual([1234]);
		expect(explicit.dialect).toEqual({
			delimiter: ';',
			encoding: 'utf-8',
			bom: false,
			lineEnding: 'lf',
			locale: 'id',
			localeExplicit: true
		});
	});

	it('validateCsv() keeps maxErrors errors and counts all of them', () => {
		const rows = Array.from({ length: 30 }, (_, i) => `33.18,poverty_rate,${1991 + i},x,${S}`);
		const report = validateCsv(
			encode(`region_code,indicator_code,year,value,source\n${rows.join('\n')}\n`),
			{
				kind: 'observations',
				context: context(),
				maxErrors: 5
			}
		);
		expect(report.errors.length).toBe(5);
		expect(report.errorCount).toBe(30);
		expect(report.errors.map((e) => e.row)).toEqual([2, 3, 4, 5, 6]);
		expect(report.rows).toEqual([]);
	});

	it('validateCsv() stops with a format-error past maxRows', () => {
		const report = validateCsv(
			encode(
				`region_code,indicator_code,year,value,source\n${[2020, 2021, 2022].map((y) => `33.18,poverty_rate,${y},1,${S}`).join('\n')}\n`
			),
			{ kind: 'observations', context: context(), maxRows: 2 }
		);
		expect(brief(report)).toEqual([['format-error', 4, null]]);
		expect(report.rowCount).toBe(3);
	});

	it('validateCsv() still reports row errors when the header lacks a required column, but types no row', () => {
		const report = validateCsv(
			encode('region_code,indicator_code,year,value\n99.99,poverty_rate,2023,1\n'),
			{
				kind: 'observations',
				context: context()
			}
		);
		expect(brief(report)).toEqual([
			['missing-label', 1, 'source'],
			['foreign-key-error', 2, 'region_code']
		]);
		expect(report.rows).toEqual([]);
	});

	it('validateCsv() names the first row of a duplicated key in the message', () => {
		const report = validateCsv(
			encode(
				`region_code,indicator_code,year,value,source\n33.18,poverty_rate,2023,1,${S}\n33.18,poverty_rate,2023,2,${S}\n`
			),
			{ kind: 'observations', context: context() }
		);
		expect(report.errors[0].message.en).toBe(
			'33.18 / poverty_rate / 2023 is already in row 2. Each key may appear once in a file: delete or merge one of them.'
		);
		expect(report.errors[0].value).toBe('2023');
	});

	it('validateCsv() clips long offending values to 200 characters', () => {
		const long = 'x'.repeat(500);
		const report = validateCsv(
			encode(
				`region_code,indicator_code,year,value,source\n33.18,poverty_rate,2023,${long},${S}\n`
			),
			{ kind: 'observations', context: context() }
		);
		expect(report.errors[0].value).toBe('x'.repeat(200) + '…');
	});

	it('validateCsv() needs a parent region on an earlier row, not a later one', () => {
		const report = validateCsv(
			encode('code,name,kind,parent_code\n35.01,Pacitan,kabupaten,35\n35,Jawa Timur,provinsi,\n'),
			{ kind: 'regions', context: context() }
		);
		expect(brief(report)).toEqual([['foreign-key-error', 2, 'parent_code']]);
	});

	it('validateCsv() numbers rows right across its internal 1 MB slices', () => {
		const regions = Array.from({ length: 400 }, (_, i) => `33.${1000 + i}`);
		const lines = ['region_code,indicator_code,year,value,source,note'];
		for (let i = 0; i < 40_000; i++)
			lines.push(
				`${regions[i % 400]},poverty_rate,${1990 + Math.floor(i / 400)},${i % 100},${S},"n\n${i}"`
			);
		lines.push(`33.18,poverty_rate,2023,101,${S},`);
		const report = validateCsv(encode(lines.join('\r\n') + '\r\n'), {
			kind: 'observations',
			context: { ...context(), regions: new Set([...regions, '33.18']) }
		});
		expect(brief(report)).toEqual([['constraint-error', 40_002, 'value']]);
		expect(report.valueCount).toBe(40_000);
		expect(report.rows[39_999]).toMatchObject({ note: 'n\n39999', sourceRow: 40_001 });
	});

	it('validateCsv() accepts a header without a final line break', () => {
		const report = validateCsv(encode('region_code,indicator_code,year,value,source'), {
			kind: 'observations',
			context: context()
		});
		expect([report.status, report.rowCount, report.shape]).toEqual(['valid', 0, 'long']);
	});
});

describe('validateCsvStream()', () => {
	it('validateCsvStream() passes rows to onRow in order and keeps none itself', async () => {
		const text =
			'region_code,indicator_code,year,value,source,note\n' +
			`33.18,poverty_rate,2021,1,${S},"line one\nline two"\n` +
			`33.18,poverty_rate,2022,2,${S},\n` +
			`33.18,poverty_rate,2023,3,${S},\n`;
		const seen: [number, number][] = [];
		const report = await validateCsvStream(chunks(text, 5), {
			kind: 'observations',
			context: context(),
			onRow: (r) => seen.push([r.year, r.sourceRow])
		});
		expect(seen).toEqual([
			[2021, 2],
			[2022, 3],
			[2023, 4]
		]);
		expect('rows' in report).toBe(false);
		expect([report.status, report.rowCount, report.valueCount]).toEqual(['valid', 3, 3]);
	});

	it('validateCsvStream() numbers rows the same when a quoted newline straddles chunks', async () => {
		const text =
			'region_code,indicator_code,year,value,source,note\n' +
			`33.18,poverty_rate,2021,1,${S},"a\r\nb\r\nc"\r\n` +
			`99.99,poverty_rate,2022,2,${S},\r\n`;
		for (const size of [1, 2, 7, 1000]) {
			const report = await validateCsvStream(chunks(text, size), {
				kind: 'observations',
				context: context()
			});
			expect(brief(report)).toEqual([['foreign-key-error', 3, 'region_code']]);
		}
	});

	it('validateCsvStream() re-throws what onRow throws instead of blaming the file', async () => {
		const boom = new Error('database is locked');
		await expect(
			validateCsvStream(
				chunks(`region_code,indicator_code,year,value,source\n33.18,poverty_rate,2023,1,${S}\n`, 8),
				{
					kind: 'observations',
					context: context(),
					onRow: () => {
						throw boom;
					}
				}
			)
		).rejects.toBe(boom);
	});

	it('validateCsvStream() re-throws what the chunk source throws (an unreadable file)', async () => {
		const gone = new Error('disk gone');
		async function* failing(): AsyncGenerator<Uint8Array> {
			yield encode('region_code,indicator_code,year,value,source\n');
			throw gone;
		}
		await expect(
			validateCsvStream(failing(), { kind: 'observations', context: context() })
		).rejects.toBe(gone);
	});

	it('validateCsvStream() stops reading the source after a fatal problem', async () => {
		let pulled = 0;
		async function* source(): AsyncGenerator<Uint8Array> {
			yield new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
			for (;;) {
				pulled++;
				yield new Uint8Array(8);
			}
		}
		const report = await validateCsvStream(source(), { kind: 'observations', context: context() });
		expect(brief(report)).toEqual([['format-error', null, null]]);
		expect(pulled).toBe(0);
	});
});

describe('addRowsToContext()', () => {
	it('addRowsToContext() makes regions, frameworks, nodes and indicators known to later files', () => {
		const ctx = emptyContext();
		const regions = validateCsv(encode('code,name,kind\n33,Jawa Tengah,provinsi\n'), {
			kind: 'regions',
			context: ctx
		});
		addRowsToContext(ctx, 'regions', regions.rows);
		const frameworks = validateCsv(
			encode('code,version,name_id,name_en,year_from\nfw,1,A,A,2020\n'),
			{
				kind: 'frameworks',
				context: ctx
			}
		);
		addRowsToContext(ctx, 'frameworks', frameworks.rows);
		const nodes = validateCsv(
			encode('framework_code,code,level,name_id,name_en\nfw,el,element,E,E\n'),
			{
				kind: 'nodes',
				context: ctx
			}
		);
		addRowsToContext(ctx, 'nodes', nodes.rows);
		const indicators = validateCsv(
			encode(
				'code,framework_code,element_code,name_id,name_en,unit,polarity,value_type,method\nind,fw,el,I,I,%,higher,percent,target\n'
			),
			{ kind: 'indicators', context: ctx }
		);
		addRowsToContext(ctx, 'indicators', indicators.rows);
		expect([...ctx.regions]).toEqual(['33']);
		expect([...ctx.frameworks]).toEqual(['fw']);
		expect([...(ctx.nodes.get('fw') ?? [])]).toEqual(['el']);
		expect(ctx.indicators.get('ind')).toEqual({
			valueType: 'percent',
			unit: '%',
			method: 'target',
			worst: null,
			best: null,
			frameworkCode: 'fw'
		});
		const obs = validateCsv(
			encode(`region_code,indicator_code,year,value,source\n33,ind,2023,50,${S}\n`),
			{
				kind: 'observations',
				context: ctx
			}
		);
		expect(obs.status).toBe('valid');
	});
});

describe('title, blank and footer rows of a spreadsheet export', () => {
	const HDI: IndicatorInfo = {
		valueType: 'number',
		unit: 'index',
		method: 'minmax',
		worst: 60,
		best: 85,
		frameworkCode: 'fw'
	};
	const ctx = () => ({
		regions: new Set(['33.18']),
		frameworks: new Set(['fw']),
		nodes: new Map(),
		indicators: new Map([['hdi_ipm', HDI]])
	});
	const run = (text: string) =>
		validateCsv(new TextEncoder().encode(text), {
			kind: 'observations',
			locale: 'id',
			context: ctx()
		});
	const header = 'kode_wilayah;kode_indikator;tahun;nilai;sumber';

	it('skips a title and a blank row above the header, says so, and numbers rows as the sheet does', () => {
		const r = run(
			`Tabel 2.1 IPM Kabupaten Pati, 2022–2023;;;;\n;;;;\n${header}\n33.18;hdi_ipm;2023;73,48;BPS\n33.18;hdi_ipm;2022;oops;BPS\n`
		);
		expect(r.notices).toEqual([
			{
				id: 'Baris 1–2 dilewati: judul tabel di atas nama kolom. Nama kolom dibaca dari baris 3.',
				en: 'Row(s) 1–2 skipped: a table title above the column names. The column names are read from row 3.'
			}
		]);
		expect(r.rows.map((row) => [row.year, row.value, row.sourceRow])).toEqual([[2023, 73.48, 4]]);
		expect(r.errors.map((e) => [e.row, e.column, e.value])).toEqual([[5, 'nilai', 'oops']]);
	});

	it('skips "Sumber:" and "Catatan:" lines below the data, and a blank line before the header', () => {
		const r = run(
			`\n${header}\n33.18;hdi_ipm;2023;73,48;BPS\n;;;;\nSumber: BPS Kabupaten Pati;;;;\nCatatan: angka sementara;;;;\n`
		);
		expect(r.status).toBe('valid');
		expect(r.rows).toHaveLength(1);
		expect(r.rowCount).toBe(1);
		expect(r.notices).toEqual([
			{
				id: 'Baris 1 dilewati: baris kosong di atas nama kolom. Nama kolom dibaca dari baris 2.',
				en: 'Row(s) 1 skipped: blank above the column names. The column names are read from row 2.'
			},
			{
				id: 'Baris 5–6 dilewati: catatan di bawah tabel (Sumber, Catatan, Keterangan), bukan data.',
				en: 'Row(s) 5–6 skipped: notes below the table (Source, Note), not data.'
			}
		]);
	});

	it('an error of the header below a title names the header’s row, not row 1', () => {
		const missing = run(`Tabel 2.1 IPM;;;;\nkode_wilayah;kode_indikator;tahun;nilai\n`);
		expect(missing.errors.map((e) => [e.code, e.row, e.column])).toEqual([
			['missing-label', 2, 'source']
		]);
		const twice = run(`Tabel 2.1 IPM;;;;\n;;;;\nkode_wilayah;kode_indikator;2022;2022;sumber\n`);
		expect(twice.errors.map((e) => [e.code, e.row, e.column])).toEqual([
			['duplicate-label', 3, '2022']
		]);
	});

	it('a header of unknown names is still the header: its errors, not a skip', () => {
		const r = run('foo;bar;baz\n1;2;3\n');
		expect(r.notices).toEqual([]);
		expect(r.status).toBe('invalid');
		expect(r.errors.map((e) => e.code)).toEqual(['format-error']);
	});

	it('a title that names a known column is not skipped; more than ten title rows are not either', () => {
		expect(run(`tahun\n${header}\n`).notices).toEqual([]);
		const eleven = Array.from({ length: 11 }, (_, i) => `Judul ${i + 1};;;;`).join('\n');
		const r = run(`${eleven}\n${header}\n33.18;hdi_ipm;2023;73,48;BPS\n`);
		expect(r.status).toBe('invalid');
		expect(r.errors[0].row).toBe(11);
	});

	it('a file of blank lines only is still an empty file', () => {
		const r = run('\n\n;;;\n');
		expect(r.errors.map((e) => e.code)).toEqual(['format-error']);
	});
});

describe('numbers in the locale the delimiter names', () => {
	const ctx = () => ({
		regions: new Set(['33.18']),
		frameworks: new Set(['fw']),
		nodes: new Map(),
		indicators: new Map([
			[
				'pop',
				{ valueType: 'count', method: 'minmax', worst: 0, best: 1, frameworkCode: 'fw' } as const
			]
		])
	});
	const values = (text: string) => {
		const r = validateCsv(new TextEncoder().encode(text), { kind: 'observations', context: ctx() });
		return r.status === 'valid' ? r.rows.map((row) => row.value) : r.errors.map((e) => e.code);
	};
	it('1.234 in a semicolon (Indonesian) file is 1234', () => {
		expect(
			values('kode_wilayah;kode_indikator;tahun;nilai;sumber\n33.18;pop;2023;1.234;BPS\n')
		).toEqual([1234]);
	});
	it('1,234 in a comma (English) file is 1234', () => {
		expect(
			values('region_code,indicator_code,year,value,source\n33.18,pop,2023,"1,234",BPS\n')
		).toEqual([1234]);
	});
	it('a tab-separated file says nothing about its locale: 1.234 stays ambiguous', () => {
		expect(
			values('region_code\tindicator_code\tyear\tvalue\tsource\n33.18\tpop\t2023\t1.234\tBPS\n')
		).toEqual(['type-error']);
	});
});

describe('a duplicate in a wide file', () => {
	it('shows the cell’s own value, not the year header', () => {
		const r = validateCsv(
			new TextEncoder().encode(
				'kode_wilayah;kode_indikator;sumber;2022;2023\n33.18;hdi;BPS;71,2;72,1\n33.18;hdi;BPS;;72,9\n'
			),
			{
				kind: 'observations',
				context: {
					regions: new Set(['33.18']),
					frameworks: new Set(['fw']),
					nodes: new Map(),
					indicators: new Map([
						[
							'hdi',
							{
								valueType: 'number',
								method: 'minmax',
								worst: 60,
								best: 85,
								frameworkCode: 'fw'
							} as const
						]
					])
				}
			}
		);
		expect(r.errors.map((e) => [e.code, e.row, e.column, e.value])).toEqual([
			['unique-error', 3, '2023', '72,9']
		]);
	});
});

describe('a source given for the whole file', () => {
	const wide = 'kode_wilayah;kode_indikator;2021;2022\n33.18;poverty_rate;10,5;9,8\n';
	const run = (text: string, fileSource?: Parameters<typeof validateCsv>[1]['fileSource']) =>
		validateCsv(encode(text), { kind: 'observations', context: context(), fileSource });

	it('a wide file without a source column takes it, with its kind and period, in every row', () => {
		const r = run(wide, {
			source: ' BPS Kabupaten Pati, Tabel 4.1.2 ',
			sourceKind: 'bps',
			referencePeriod: 'Maret'
		});
		expect(r.status).toBe('valid');
		expect(r.rows.map((o) => [o.year, o.value, o.source, o.sourceKind, o.referencePeriod])).toEqual(
			[
				[2021, 10.5, 'BPS Kabupaten Pati, Tabel 4.1.2', 'bps', 'Maret'],
				[2022, 9.8, 'BPS Kabupaten Pati, Tabel 4.1.2', 'bps', 'Maret']
			]
		);
	});

	it('fills only the rows whose own source is blank; a row’s own source and kind stay', () => {
		const r = run(
			`region_code,indicator_code,year,value,source,source_kind\n33.18,poverty_rate,2021,10.5,,\n33.18,poverty_rate,2022,9.8,${S},berita\n`,
			{ source: 'BPS Kabupaten Pati', sourceKind: 'bps' }
		);
		expect(r.status).toBe('valid');
		expect(r.rows.map((o) => [o.source, o.sourceKind])).toEqual([
			['BPS Kabupaten Pati', 'bps'],
			[S, 'berita']
		]);
	});

	it('without a column and without a file source, the error names both ways to fix it', () => {
		const r = run(wide);
		expect(brief(r)).toEqual([['missing-label', 1, 'source']]);
		expect(r.errors[0].message.en).toContain('--source');
		expect(r.errors[0].message.id).toContain('isian "Sumber"');
		// A blank file source is none.
		expect(brief(run(wide, { source: '  ' }))).toEqual([['missing-label', 1, 'source']]);
	});

	it('a "Sumber: …" line below the table is reported, to offer as the file’s source', () => {
		const r = run(
			`${wide};;;\nCatatan: angka sementara;;;\nSumber: BPS Kabupaten Pati;;;\nSumber: lain;;;\n`
		);
		expect(r.footerSource).toBe('BPS Kabupaten Pati');
		expect(brief(r)).toEqual([['missing-label', 1, 'source']]);
		expect(run(wide).footerSource).toBeUndefined();
		expect(run(`${wide}Catatan: angka sementara;;;\n`).footerSource).toBeUndefined();
	});

	it('a blank source cell without a file source is still refused', () => {
		const r = run('region_code,indicator_code,year,value,source\n33.18,poverty_rate,2021,10.5,\n');
		expect(brief(r)).toEqual([['constraint-error', 2, 'source']]);
	});
});

// Real codes of the seed (data/): the province, three kabupaten, a kota, two kecamatan.
const REGIONS =
	'code,name,kind,parent_code,bps_code\n' +
	'33,Provinsi Jawa Tengah,provinsi,,33\n' +
	'33.18,Kabupaten Pati,kabupaten,33,3318\n' +
	'33.19,Kabupaten Kudus,kabupaten,33,3319\n' +
	'33.22,Kabupaten Semarang,kabupaten,33,3322\n' +
	'33.74,Kota Semarang,kota,33,3374\n' +
	'33.18.01,Sukolilo,kecamatan,33.18,3318010\n' +
	'33.18.10,Pati,kecamatan,33.18,3318100\n';

/** `context()` with the regions above known by name too, as `contextFromDb` makes it. */
function named(): ValidationContext {
	const ctx = context();
	const regions = validateCsv(encode(REGIONS), { kind: 'regions', context: emptyContext() });
	expect(regions.status).toBe('valid');
	return addRowsToContext(ctx, 'regions', regions.rows);
}

describe('regions named instead of coded (region_name)', () => {
	const run = (text: string, defaultRegion?: string) =>
		validateCsv(encode(text), { kind: 'observations', context: named(), defaultRegion });
	const header = 'nama_wilayah;kode_indikator;tahun;nilai;sumber';

	it('reads each spelling of a name as its region, and a code typed in its place', () => {
		const r = run(
			`${header}\nKab. Pati;poverty_rate;2021;9,5;BPS\nKABUPATEN KUDUS;poverty_rate;2021;7,2;BPS\n` +
				`kota semarang;poverty_rate;2021;4,1;BPS\n3318;poverty_rate;2022;9,1;BPS\n33.19;poverty_rate;2022;7;BPS\n`
		);
		expect(r.status).toBe('valid');
		expect(r.rows.map((o) => [o.regionCode, o.year, o.value])).toEqual([
			['33.18', 2021, 9.5],
			['33.19', 2021, 7.2],
			['33.74', 2021, 4.1],
			['33.18', 2022, 9.1],
			['33.19', 2022, 7]
		]);
		// The name is no property of the typed row: its region code is.
		expect(r.rows[0]).toEqual<ObservationRow>({
			regionCode: '33.18',
			indicatorCode: 'poverty_rate',
			year: 2021,
			value: 9.5,
			source: 'BPS',
			sourceKind: null,
			referencePeriod: null,
			note: null,
			illustrative: null,
			sourceRow: 2
		});
	});

	it('refuses an ambiguous and an unknown name at their row and column, naming the candidates', () => {
		const r = run(
			`${header}\nPATI;poverty_rate;2021;9,5;BPS\nKota Smg;poverty_rate;2021;4,1;BPS\nPATI;poverty_rate;2022;9,1;BPS\n`
		);
		expect(r.status).toBe('invalid');
		expect(r.rows).toEqual([]);
		expect(r.errors.map((e) => [e.code, e.row, e.column, e.value])).toEqual([
			['foreign-key-error', 2, 'nama_wilayah', 'PATI'],
			['foreign-key-error', 3, 'nama_wilayah', 'Kota Smg'],
			['foreign-key-error', 4, 'nama_wilayah', 'PATI']
		]);
		expect(r.errors[0].message).toEqual({
			id: 'Nama wilayah "PATI" cocok dengan lebih dari satu wilayah: Kabupaten Pati (33.18), Pati (kecamatan, 33.18.10). Tulis nama lengkapnya atau pakai kolom kode_wilayah.',
			en: 'Region name "PATI" matches more than one region: Kabupaten Pati (33.18), Pati (kecamatan, 33.18.10). Write the full name or use the region_code column.'
		});
		expect(r.errors[1].message).toEqual({
			id: 'Nama wilayah "Kota Smg" tidak terdaftar. Mungkin maksudnya: Kota Semarang (33.74), Kabupaten Semarang (33.22)? Periksa ejaannya (singkatan selain Kab., Kec. dan Prov. tidak dikenali) atau pakai kolom kode_wilayah.',
			en: 'Region name "Kota Smg" is not registered. Did you mean: Kota Semarang (33.74), Kabupaten Semarang (33.22)? Check the spelling (no abbreviation other than Kab., Kec. and Prov. is recognised) or use the region_code column.'
		});
		expect(r.errors[2].message).toEqual(r.errors[0].message);
	});

	it('a Kecamatan column names kecamatan: "Pati" there is the kecamatan', () => {
		const r = run(
			'Kecamatan;kode_indikator;2022;2023;sumber\nSukolilo;population;1.200;1.250;BPS\nPati;population;3.400;3.450;BPS\nKabupaten Pati;population;4.600;4.700;BPS\n'
		);
		expect(r.status).toBe('valid');
		expect(r.shape).toBe('wide');
		expect(r.rows.map((o) => [o.regionCode, o.year, o.value])).toEqual([
			['33.18.01', 2022, 1200],
			['33.18.01', 2023, 1250],
			['33.18.10', 2022, 3400],
			['33.18.10', 2023, 3450],
			['33.18', 2022, 4600],
			['33.18', 2023, 4700]
		]);
	});

	it('a blank name takes the default region, or is refused without one', () => {
		const text = `${header}\n;poverty_rate;2021;9,5;BPS\nKab. Kudus;poverty_rate;2021;7,2;BPS\n`;
		expect(run(text, '33.18').rows.map((o) => o.regionCode)).toEqual(['33.18', '33.19']);
		expect(brief(run(text))).toEqual([['constraint-error', 2, 'nama_wilayah']]);
	});

	it('beside a region_code column the name is for the reader: the code counts', () => {
		const r = run(
			'kode_wilayah;nama_wilayah;kode_indikator;tahun;nilai;sumber\n33.18;PATI;poverty_rate;2021;9,5;BPS\n'
		);
		expect(r.status).toBe('valid');
		expect(r.rows.map((o) => o.regionCode)).toEqual(['33.18']);
	});

	it('a file with neither a region code nor a name column says both would do', () => {
		const r = run('kode_indikator;tahun;nilai;sumber\npoverty_rate;2021;9,5;BPS\n');
		expect(brief(r)).toEqual([['missing-label', 1, 'region_code']]);
		expect(r.errors[0].message.id).toContain('"nama_wilayah"');
		expect(r.errors[0].message.en).toContain('"region_name"');
	});

	it('a context without names (built by hand) knows none, and says so per row', () => {
		const r = validateCsv(encode(`${header}\nKab. Pati;poverty_rate;2021;9,5;BPS\n`), {
			kind: 'observations',
			context: context()
		});
		expect(brief(r)).toEqual([['foreign-key-error', 2, 'nama_wilayah']]);
	});
});

describe('an indicator given for the whole file (fileIndicator)', () => {
	const wide = 'kode_wilayah;2021;2022\n33.18;10,5;9,8\n33.19;8,1;\n';
	const run = (text: string, fileIndicator?: string) =>
		validateCsv(encode(text), {
			kind: 'observations',
			context: context(),
			fileIndicator,
			fileSource: { source: 'BPS Jawa Tengah' }
		});

	it('a file without an indicator column takes it in every row', () => {
		const r = run(wide, ' poverty_rate ');
		expect(r.status).toBe('valid');
		expect(r.rows.map((o) => [o.regionCode, o.indicatorCode, o.year, o.value])).toEqual([
			['33.18', 'poverty_rate', 2021, 10.5],
			['33.18', 'poverty_rate', 2022, 9.8],
			['33.19', 'poverty_rate', 2021, 8.1]
		]);
	});

	it('fills only blank indicator cells; a row’s own indicator stays', () => {
		const r = run(
			'region_code,indicator_code,year,value\n33.18,,2021,10.5\n33.18,population,2021,5000\n',
			'poverty_rate'
		);
		expect(r.status).toBe('valid');
		expect(r.rows.map((o) => [o.indicatorCode, o.value])).toEqual([
			['poverty_rate', 10.5],
			['population', 5000]
		]);
	});

	it('an unknown file indicator is one error at the header, not one per row', () => {
		const r = run(wide, 'poverty_rte');
		expect(r.status).toBe('invalid');
		expect(r.rows).toEqual([]);
		expect(r.errorCount).toBe(1);
		expect(r.errors.map((e) => [e.code, e.row, e.column, e.value])).toEqual([
			['foreign-key-error', null, 'indicator_code', 'poverty_rte']
		]);
		expect(r.errors[0].message).toEqual({
			id: 'Indikator "poverty_rte" tidak terdaftar. Periksa kodenya atau impor indikatornya dahulu.',
			en: 'Indicator "poverty_rte" is not registered. Check the code or import the indicator first.'
		});
		// A row naming another, unknown indicator is still that row's error.
		const own = run(
			'region_code,indicator_code,year,value\n33.18,,2021,10.5\n33.18,nope,2021,5\n',
			'poverty_rte'
		);
		expect(brief(own)).toEqual([
			['foreign-key-error', null, 'indicator_code'],
			['foreign-key-error', 3, 'indicator_code']
		]);
	});

	it('without a column and without a file indicator, the error names both ways to fix it', () => {
		for (const given of [undefined, '  ']) {
			const r = run(wide, given);
			expect(brief(r)).toEqual([['missing-label', 1, 'indicator_code']]);
			expect(r.errors[0].message).toEqual({
				id: 'Kolom "indicator_code" (atau "kode_indikator") tidak ada dan indikator berkas tidak diberikan. Tambahkan kolom itu, atau berikan satu indikator untuk seluruh berkas: --indicator KODE di baris perintah, atau pilihan "Indikator" di halaman impor.',
				en: 'The column "indicator_code" (or "kode_indikator") is missing and no indicator was given for the file. Add the column, or give one indicator for the whole file: --indicator CODE on the command line, or the "Indicator" choice on the import page.'
			});
		}
	});

	it('means nothing to a kind whose rows have no indicator', () => {
		const r = validateCsv(encode('code,name,kind\n33.20,Kabupaten Jepara,kabupaten\n'), {
			kind: 'regions',
			context: context(),
			fileIndicator: 'nope'
		});
		expect(r.status).toBe('valid');
		expect(r.rows[0]).not.toHaveProperty('indicatorCode');
	});
});

describe('a BPS table: region names, years across, one indicator, marks for no value', () => {
	const HDI: IndicatorInfo = {
		valueType: 'number',
		unit: 'index',
		method: 'minmax',
		worst: 60,
		best: 85,
		frameworkCode: 'gm100sc'
	};
	const table = (rows: string) =>
		'Tabel 5.1 Indeks Pembangunan Manusia Menurut Kabupaten/Kota, 2021–2023;;;\n' +
		'Kabupaten/Kota;2021;2022;2023\n' +
		rows +
		';;;\nSumber: BPS Provinsi Jawa Tengah;;;\n';
	const run = (text: string, fileIndicator = 'hdi_ipm') => {
		const context = named();
		context.indicators.set('hdi_ipm', HDI);
		return validateCsv(encode(text), {
			kind: 'observations',
			context,
			fileIndicator,
			fileSource: { source: 'BPS Provinsi Jawa Tengah, Tabel 5.1', sourceKind: 'bps' }
		});
	};

	it('imports with the file’s indicator and source: exact rows, the marked cells skipped', () => {
		const r = run(table('Kab. Pati;71,35;-;72,80\nKOTA SEMARANG;83,05;NA;83,55\nPATI;…;;70\n'));
		// "PATI" under a Kabupaten/Kota header is the kabupaten, but it repeats Kab. Pati's 2023.
		expect(brief(r)).toEqual([['unique-error', 5, '2023']]);
		const ok = run(table('Kab. Pati;71,35;-;72,80\nKOTA SEMARANG;83,05;NA;83,55\nKudus;…;;75\n'));
		expect(ok.status).toBe('valid');
		expect(ok.shape).toBe('wide');
		expect(ok.rowCount).toBe(3);
		expect(ok.valueCount).toBe(5);
		const row = (
			regionCode: string,
			year: number,
			value: number,
			sourceRow: number
		): ObservationRow => ({
			regionCode,
			indicatorCode: 'hdi_ipm',
			year,
			value,
			source: 'BPS Provinsi Jawa Tengah, Tabel 5.1',
			sourceKind: 'bps',
			referencePeriod: null,
			note: null,
			illustrative: null,
			sourceRow
		});
		expect(ok.rows).toEqual<ObservationRow[]>([
			row('33.18', 2021, 71.35, 3),
			row('33.18', 2023, 72.8, 3),
			row('33.74', 2021, 83.05, 4),
			row('33.74', 2023, 83.55, 4),
			row('33.19', 2023, 75, 5)
		]);
		expect(ok.footerSource).toBe('BPS Provinsi Jawa Tengah');
		expect(ok.notices).toEqual([
			{
				id: 'Baris 1 dilewati: judul tabel di atas nama kolom. Nama kolom dibaca dari baris 2.',
				en: 'Row(s) 1 skipped: a table title above the column names. The column names are read from row 2.'
			},
			{
				id: 'Baris 7 dilewati: catatan di bawah tabel (Sumber, Catatan, Keterangan), bukan data.',
				en: 'Row(s) 7 skipped: notes below the table (Source, Note), not data.'
			},
			{
				id: '3 sel bertanda "-", "NA" atau "…" dilewati: tidak ada nilai, bukan nol.',
				en: '3 cells marked "-", "NA" or "…" skipped: no value, not zero.'
			}
		]);
	});

	it('refuses an ambiguous and an unknown name, at their row and the column’s label', () => {
		const r = run(table('Kab. Pati;71,35;71,9;72,80\nSemarang;83,05;83,2;83,55\nKab. Smg;1;2;3\n'));
		expect(r.status).toBe('invalid');
		// Only Pati's row is free of errors (and the file, refused, writes nothing).
		expect(r.rows.map((o) => o.regionCode)).toEqual(['33.18', '33.18', '33.18']);
		expect(r.errors.map((e) => [e.code, e.row, e.column, e.value])).toEqual([
			['foreign-key-error', 4, 'Kabupaten/Kota', 'Semarang'],
			['foreign-key-error', 5, 'Kabupaten/Kota', 'Kab. Smg']
		]);
		expect(r.errors[0].message.id).toBe(
			'Nama wilayah "Semarang" cocok dengan lebih dari satu wilayah: Kabupaten Semarang (33.22), Kota Semarang (33.74). Tulis nama lengkapnya atau pakai kolom kode_wilayah.'
		);
		expect(r.errors[1].message.en).toBe(
			'Region name "Kab. Smg" is not registered. Did you mean: Kabupaten Semarang (33.22), Kota Semarang (33.74)? Check the spelling (no abbreviation other than Kab., Kec. and Prov. is recognised) or use the region_code column.'
		);
	});

	it('an unknown file indicator is reported once, whatever the rows', () => {
		const r = run(table('Kab. Pati;71,35;-;72,80\nKOTA SEMARANG;83,05;NA;83,55\n'), 'ipm');
		expect(brief(r)).toEqual([['foreign-key-error', null, 'indicator_code']]);
		expect(r.errorCount).toBe(1);
	});
});

describe('value cells marked as having no value', () => {
	const MARKS = ['-', '–', '—', '…', '...', 'NA', 'N/A', 'n/a', 'na', ' Na '];
	const long = (values: string[]) =>
		'region_code;indicator_code;year;value;source\n' +
		values.map((v, i) => `33.18;poverty_rate;${2000 + i};${v};BPS`).join('\n') +
		'\n';

	it('skip their row in a long file, never as zero and never as an error, and say so once', () => {
		const r = validateCsv(encode(long([...MARKS, '9,5'])), {
			kind: 'observations',
			context: context()
		});
		expect(r.status).toBe('valid');
		expect(r.rowCount).toBe(11);
		expect(r.rows.map((o) => [o.year, o.value])).toEqual([[2010, 9.5]]);
		expect(r.notices).toEqual([
			{
				id: '10 sel bertanda "-", "–", "—", "…", "...", "NA" atau "N/A" dilewati: tidak ada nilai, bukan nol.',
				en: '10 cells marked "-", "–", "—", "…", "...", "NA" or "N/A" skipped: no value, not zero.'
			}
		]);
	});

	it('skip the cell in a wide file; one cell is one cell', () => {
		const r = validateCsv(
			encode('kode_wilayah;kode_indikator;sumber;2021;2022\n33.18;poverty_rate;BPS;n/a;9,5\n'),
			{ kind: 'targets', context: context() }
		);
		// A targets file needs its document columns: the marked cell is still no error of its own.
		expect(r.errors.map((e) => e.column)).toEqual(['document_type', 'document_ref']);
		expect(r.notices).toEqual([
			{
				id: '1 sel bertanda "n/a" dilewati: tidak ada nilai, bukan nol.',
				en: '1 cell marked "n/a" skipped: no value, not zero.'
			}
		]);
	});

	it('are only those marks: a negative number, "--", "NaN" and "x" are what they were', () => {
		const r = validateCsv(encode(long(['-5', '--', 'NaN', 'x', 'nan'])), {
			kind: 'observations',
			context: context()
		});
		expect(brief(r)).toEqual([
			['constraint-error', 2, 'value'],
			['type-error', 3, 'value'],
			['type-error', 4, 'value'],
			['type-error', 5, 'value'],
			['type-error', 6, 'value']
		]);
		expect(r.notices).toEqual([]);
	});
});
