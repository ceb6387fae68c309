import { describe, expect, it } from 'vitest';
import { rankItems } from '../charts/geometry/bars';
import { chartLabels } from '../charts/labels';
import { barsModel, radarModel } from '../charts/tables';
import { parseTablePayload, tablePayload, type TablePayload } from './payload';

const ctx = {
	title: 'Peringkat 2023',
	lang: 'id' as const,
	labels: chartLabels('id'),
	decimals: 1
};
const bars = barsModel(
	rankItems([
		{ code: '33.18', label: 'Pati *', score: 32.4, rankLow: 1, rankHigh: 2 },
		{ code: '33.19', label: 'Kudus', score: null }
	]),
	ctx
).table;

const payload: TablePayload = {
	lang: 'id',
	filename: 'peringkat-komposit-2023',
	title: 'Peringkat 2023',
	source: 'Rapor Cerdas',
	table: bars
};

describe('tablePayload()', () => {
	it('tablePayload() writes rows as arrays in column order and leaves out screen-only columns', () => {
		expect(JSON.parse(tablePayload(payload))).toEqual({
			lang: 'id',
			filename: 'peringkat-komposit-2023',
			title: 'Peringkat 2023',
			source: 'Rapor Cerdas',
			columns: bars.columns.filter((c) => c.key !== 'rank'),
			rows: [
				{ v: ['Pati *', 1, 1, 2, 32.4], c: '33.18' },
				{ v: ['Kudus', null, null, null, null], c: '33.19' }
			]
		});
	});

	it('tablePayload() lists flagged and carried columns by index', () => {
		const radar = radarModel(
			[{ code: 'gov', label: 'Tata Kelola' }],
			[
				{ key: '2018', label: '2018', values: { gov: 40 } },
				{
					key: '2023',
					label: '2023',
					values: { gov: 61 },
					illustrative: { gov: true },
					carried: { gov: true }
				}
			],
			ctx
		).table;
		const wire = JSON.parse(tablePayload({ ...payload, table: radar }));
		expect(wire.rows).toEqual([{ v: ['Tata Kelola', 40, 61], c: 'gov', f: [2], k: [2] }]);
	});
});

describe('parseTablePayload()', () => {
	it('parseTablePayload(tablePayload()) gives back the table the downloads write', () => {
		expect(parseTablePayload(tablePayload(payload))).toEqual({
			ok: true,
			payload: {
				...payload,
				table: {
					caption: 'Peringkat 2023',
					columns: bars.columns.filter((c) => c.only !== 'screen'),
					rows: [
						{
							code: '33.18',
							cells: { label: 'Pati *', rankAt: 1, rankBest: 1, rankWorst: 2, score: 32.4 }
						},
						{
							code: '33.19',
							cells: { label: 'Kudus', rankAt: null, rankBest: null, rankWorst: null, score: null }
						}
					]
				}
			}
		});
	});

	it('parseTablePayload() turns any file name into a slug', () => {
		const parsed = parseTablePayload(tablePayload({ ...payload, filename: '../x"y.xlsx' }));
		expect(parsed.ok && parsed.payload.filename).toBe('x-y-xlsx');
	});

	const good = JSON.parse(tablePayload(payload));
	const columns = good.columns;
	it.each(
		[
			['not json', 'not JSON'],
			['[]', 'payload: expected an object'],
			[{ ...good, lang: 'de' }, 'lang: expected id or en'],
			[{ ...good, columns: [] }, 'columns: expected a list of columns'],
			[
				{ ...good, columns: [{ ...columns[0], kind: 'date' }] },
				'columns[0].kind: expected text, number or year'
			],
			[{ ...good, columns: [columns[0], columns[0]] }, 'columns: two columns share a key'],
			[
				{ ...good, columns: [{ ...columns[1], decimals: 1.5 }] },
				'columns[0].decimals: expected a whole number from 0 to 20'
			],
			[{ ...good, rows: [{ v: ['Pati'] }] }, 'rows[0].v: expected 5 cells'],
			[
				{ ...good, rows: [{ v: ['Pati', 1, 1, 2, { x: 1 }] }] },
				'rows[0].v[4]: expected text, a finite number or null'
			],
			[
				{ ...good, rows: [{ v: ['Pati', 1, 1, 2, 3], f: [9] }] },
				'rows[0].f[0]: not a column of the table'
			],
			[
				{ ...good, rows: [{ v: ['Pati', 1, 1, 2, 3], k: 'x' }] },
				'rows[0].k: expected a list of column numbers'
			],
			[
				{ ...good, rows: [{ v: ['Pati', 1, 1, 2, 3], d: -1 }] },
				'rows[0].d: expected a whole number from 0 to 20'
			],
			[{ ...good, title: 'x'.repeat(2001) }, 'title: longer than 2000 characters'],
			[{ ...good, rows: Array.from({ length: 5001 }, () => good.rows[0]) }, 'rows: more than 5000'],
			[{ ...good, filename: 5 }, 'filename: expected text']
		].map(([input, problem]) => [problem, input] as [string, unknown])
	)('parseTablePayload() refuses the payload: %s', (problem, input) => {
		const text = typeof input === 'string' ? input : JSON.stringify(input);
		expect(parseTablePayload(text)).toEqual({ ok: false, problem });
	});
});
