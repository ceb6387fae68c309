/**
 * XLSX workbooks through the import service, as the CLI and the upload page send them: built here
 * with exceljs (as Excel lays them out: a title, a two-row merged header, a footer) and, for the
 * refusals, the broken files people really send (a ZIP that is no workbook, an .ods, an empty
 * sheet). Every refusal writes nothing.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitBatch } from '../../src/lib/server/db/imports';
import {
	confirmImport,
	importFileAs,
	previewImport,
	type FileRequest
} from '../../src/lib/server/imports/service';
import { workbookToCsv } from '../../src/lib/server/imports/workbook';
import { corpusDatabase, dumpAll } from './importer-fixtures';

let conn: ReturnType<typeof corpusDatabase>;
beforeEach(() => {
	conn = corpusDatabase();
});
afterEach(() => conn.close());

const actor = { id: 7, username: 'walidata', address: '127.0.0.1' };
const limits = { maxBytes: 1_000_000, maxRows: 1000 };
const SOURCE = { source: 'BPS Provinsi Jawa Tengah, Tabel 4.1' };
const request = (extra: Partial<FileRequest> = {}): FileRequest => ({
	kind: 'observations',
	limits,
	fileSource: SOURCE,
	fileIndicator: 'poverty_rate',
	...extra
});
const current = () =>
	conn.sqlite
		.prepare(
			`SELECT region_code, indicator_code, year, value, source FROM observations WHERE superseded_by IS NULL ORDER BY 1, 2, 3`
		)
		.all();

/**
 * A BPS-style table: a notes sheet first, then "Data" with a merged title, a two-row header (the
 * region names' label merged down over rows 3–4, "Tahun" merged across the years), region names
 * in two spellings and no codes at all, numbers stored as numbers, as Indonesian text, as a
 * formula and as percentages, a "-" for a missing value, a blank row and a footer.
 */
async function bpsWorkbook(file: string, edit?: (data: ExcelJS.Worksheet) => void) {
	const wb = new ExcelJS.Workbook();
	wb.addWorksheet('Catatan').getCell('A1').value = 'Tabel ada di lembar Data.';
	const ws = wb.addWorksheet('Data');
	ws.getCell('A1').value = 'Tabel 4.1 Persentase Penduduk Miskin, 2021–2023';
	ws.mergeCells('A1:D1');
	ws.getCell('A3').value = 'Kabupaten/Kota';
	ws.getCell('B3').value = 'Tahun';
	ws.mergeCells('A3:A4');
	ws.mergeCells('B3:D3');
	// Cell by cell: assigning the row's values would overwrite the merged A4 and unmerge it.
	ws.getCell('B4').value = 2021;
	ws.getCell('C4').value = 2022;
	ws.getCell('D4').value = 2023;
	ws.getRow(5).values = ['Kab. Pati', 10.08, '9,82', { formula: 'C5-0.5', result: 9.32 }];
	ws.getRow(6).values = ['KABUPATEN KUDUS', 0.0731, '-', 0.0698];
	ws.getCell('B6').numFmt = '0.00%';
	ws.getCell('D6').numFmt = '0.00%';
	ws.getRow(8).values = ['Sumber: BPS Provinsi Jawa Tengah'];
	edit?.(ws);
	await wb.xlsx.writeFile(file);
	return file;
}
const inDir = (name: string) => path.join(conn.dir, name);

describe('workbookToCsv()', () => {
	it('writes the sheet row for row: title kept, two-row header made one, rows padded, numbers in the locale', async () => {
		const file = await bpsWorkbook(inDir('t.xlsx'));
		const out = inDir('t.csv');
		expect(
			await workbookToCsv(file, out, { sheet: 'Data', locale: 'id', maxUnpackedBytes: 1e8 })
		).toMatchObject({ ok: true, sheet: 'Data', sheets: ['Catatan', 'Data'] });
		expect(readFileSync(out, 'utf8')).toBe(
			[
				'Tabel 4.1 Persentase Penduduk Miskin, 2021–2023;;;',
				'',
				';;;',
				'Kabupaten/Kota;2021;2022;2023',
				'Kab. Pati;10,08;9,82;9,32',
				'KABUPATEN KUDUS;7,31;-;6,98',
				'',
				'Sumber: BPS Provinsi Jawa Tengah;;;',
				''
			].join('\n')
		);
		expect(
			await workbookToCsv(file, out, { sheet: 'Data', locale: 'id', maxUnpackedBytes: 1000 })
		).toEqual({
			ok: false,
			message: {
				id: 'Lembar "Data" berisi 1 MB data bila dibuka; batasnya 1 MB. Pecah tabelnya menjadi beberapa berkas.',
				en: 'Sheet "Data" unpacks to 1 MB; the limit is 1 MB. Split the table into several files.'
			}
		});
	});
	it('a sheet longer than its head: the merges, read beside the rows, reach the head and rows far below it', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Data');
		ws.getCell('A1').value = 'Kabupaten/Kota';
		ws.getCell('B1').value = 'Tahun';
		ws.mergeCells('A1:A2');
		ws.mergeCells('B1:C1');
		ws.getCell('B2').value = 2022;
		ws.getCell('C2').value = 2023;
		for (let r = 3; r <= 30; r++) ws.getRow(r).values = [`Wilayah ${r}`, r, r + 0.5];
		// A region named once for three rows, well past the rows held back for the header.
		ws.getCell('A21').value = null;
		ws.getCell('A22').value = null;
		ws.mergeCells('A20:A22');
		const file = inDir('long.xlsx');
		await wb.xlsx.writeFile(file);
		const out = inDir('long.csv');
		expect(
			await workbookToCsv(file, out, { sheet: 'Data', locale: 'en', maxUnpackedBytes: 1e8 })
		).toMatchObject({ ok: true, sheet: 'Data' });
		const lines = readFileSync(out, 'utf8').split('\n');
		expect(lines.slice(0, 3)).toEqual([',,', 'Kabupaten/Kota,2022,2023', 'Wilayah 3,3,3.5']);
		expect(lines.slice(18, 23)).toEqual([
			'Wilayah 19,19,19.5',
			'Wilayah 20,20,20.5',
			'Wilayah 20,21,21.5',
			'Wilayah 20,22,22.5',
			'Wilayah 23,23,23.5'
		]);
		expect(lines.length).toBe(31);
	});
});

describe('importFileAs() with a workbook', () => {
	it('imports the chosen sheet of a BPS-style table, regions by name, with the right values and sources', async () => {
		const file = await bpsWorkbook(inDir('kemiskinan.xlsx'));
		const report = await importFileAs(conn, file, actor, request({ sheet: 'data' }));
		expect(report).toMatchObject({
			status: 'imported',
			shape: 'wide',
			sheet: 'Data',
			fileName: 'kemiskinan.xlsx',
			rowCount: 2,
			counts: { rows: 5, inserted: 5, updated: 0, unchanged: 0 },
			sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
			bytes: readFileSync(file).length
		});
		expect(report.notices.map((n) => n.id)).toEqual([
			'Dibaca lembar "Data" (2 dari 2: "Catatan", "Data"). Lembar lain dipilih dengan --sheet atau isian "Lembar" di halaman impor.',
			'Baris 1–3 dilewati: judul tabel di atas nama kolom. Nama kolom dibaca dari baris 4.',
			'Baris 8 dilewati: catatan di bawah tabel (Sumber, Catatan, Keterangan), bukan data.',
			'1 sel bertanda "-" dilewati: tidak ada nilai, bukan nol.'
		]);
		const s = SOURCE.source;
		expect(current()).toEqual([
			{ region_code: '33.18', indicator_code: 'poverty_rate', year: 2021, value: 10.08, source: s },
			{ region_code: '33.18', indicator_code: 'poverty_rate', year: 2022, value: 9.82, source: s },
			{ region_code: '33.18', indicator_code: 'poverty_rate', year: 2023, value: 9.32, source: s },
			{ region_code: '33.19', indicator_code: 'poverty_rate', year: 2021, value: 7.31, source: s },
			{ region_code: '33.19', indicator_code: 'poverty_rate', year: 2023, value: 6.98, source: s }
		]);
		const record = conn.sqlite
			.prepare(`SELECT file_name, sha256, shape, dialect FROM imports WHERE id = ?`)
			.get(report.importId) as Record<string, string>;
		expect(record).toEqual({
			file_name: 'kemiskinan.xlsx',
			sha256: report.sha256,
			shape: 'wide',
			dialect: JSON.stringify({ format: 'xlsx', sheet: 'Data', locale: 'id' })
		});

		const again = await importFileAs(conn, file, actor, request({ sheet: '2' }));
		expect(again.status).toBe('unchanged');
	});

	it('reads the first visible sheet when none is named, and numbers in English with --locale en', async () => {
		const wb = new ExcelJS.Workbook();
		const hidden = wb.addWorksheet('Lama');
		hidden.state = 'hidden';
		hidden.getCell('A1').value = 'x';
		const ws = wb.addWorksheet('IPM');
		ws.addRow(['region_code', 'indicator_code', 'year', 'value', 'source']);
		ws.addRow(['33.18', 'poverty_rate', 2023, '12.5', 'https://bps.example/a']);
		ws.addRow(['33.19', 'poverty_rate', 2023, 9.5, 'https://bps.example/b']);
		const file = inDir('ipm.xlsx');
		await wb.xlsx.writeFile(file);
		const report = await importFileAs(
			conn,
			file,
			actor,
			request({ locale: 'en', fileSource: undefined })
		);
		expect(report).toMatchObject({ status: 'imported', sheet: 'IPM', shape: 'long' });
		expect(current()).toEqual([
			{
				region_code: '33.18',
				indicator_code: 'poverty_rate',
				year: 2023,
				value: 12.5,
				source: 'https://bps.example/a'
			},
			{
				region_code: '33.19',
				indicator_code: 'poverty_rate',
				year: 2023,
				value: 9.5,
				source: 'https://bps.example/b'
			}
		]);
	});
});

describe('importFileAs() refuses a bad workbook and writes nothing', () => {
	const refused = async (file: string, extra: Partial<FileRequest> = {}) => {
		const before = dumpAll(conn);
		const report = await importFileAs(conn, file, actor, request(extra));
		expect(report.status).toBe('refused');
		expect(dumpAll(conn)).toEqual(before);
		return report;
	};
	const only = (r: Awaited<ReturnType<typeof refused>>) => {
		expect(r.errors).toHaveLength(1);
		return r.errors[0];
	};

	it('a sheet that does not exist, listing the sheets', async () => {
		const file = await bpsWorkbook(inDir('a.xlsx'));
		expect(only(await refused(file, { sheet: 'Tabel' }))).toEqual({
			code: 'format-error',
			row: null,
			column: null,
			value: null,
			message: {
				id: 'Lembar "Tabel" tidak ada di buku kerja ini. Lembar yang ada: "Catatan", "Data". Pilih salah satunya (--sheet, atau isian "Lembar" di halaman impor).',
				en: 'There is no sheet "Tabel" in this workbook. Its sheets: "Catatan", "Data". Choose one of them (--sheet, or the "Sheet" field on the import page).'
			}
		});
		expect(only(await refused(file, { sheet: '3' })).message.en).toContain('no sheet "3"');
	});

	it('the wrong sheet: the refusal says which sheet was read and which others there are', async () => {
		const file = await bpsWorkbook(inDir('b.xlsx'));
		const report = await refused(file);
		expect(report.notices[0].id).toBe(
			'Dibaca lembar "Catatan" (1 dari 2: "Catatan", "Data"). Lembar lain dipilih dengan --sheet atau isian "Lembar" di halaman impor.'
		);
		expect(report.errors.map((e) => [e.code, e.row, e.message.en])).toEqual([
			[
				'format-error',
				null,
				'Sheet "Catatan": No header row: the file holds only 1 title or note line. A header row names columns such as region_code, indicator_code, year, value (download the template).'
			]
		]);
	});

	it('text in a number column, at its row and column', async () => {
		const file = await bpsWorkbook(inDir('c.xlsx'), (ws) => {
			ws.getCell('C5').value = 'sembilan';
		});
		const report = await refused(file, { sheet: 'Data' });
		expect(report.errors.map((e) => [e.code, e.row, e.column, e.value])).toEqual([
			['type-error', 5, '2022', 'sembilan']
		]);
		expect(report.errors[0].message.en).toMatch(/^Sheet "Data": "sembilan" is not a number\./);
	});

	it('an unknown region name, at its row and column, with the nearest names', async () => {
		const file = await bpsWorkbook(inDir('d.xlsx'), (ws) => {
			ws.getCell('A6').value = 'Kab. Kuduss';
		});
		const report = await refused(file, { sheet: 'Data' });
		expect(report.errors.map((e) => [e.code, e.row, e.column, e.value])).toEqual([
			['foreign-key-error', 6, 'Kabupaten/Kota', 'Kab. Kuduss']
		]);
		expect(report.errors[0].message.en).toContain('Did you mean: Kabupaten Kudus (33.19)');
	});

	it('a region name two regions share, listing both', async () => {
		commitBatch(
			conn,
			{ kind: 'seed', fileName: 'kecamatan', sha256: 'y', actor: 'test' },
			{
				regions: [
					{ code: '33.18.10', name: 'Pati', kind: 'kecamatan', parentCode: '33.18', bpsCode: null }
				]
			}
		);
		const file = await bpsWorkbook(inDir('k.xlsx'), (ws) => {
			ws.getCell('A3').value = 'Wilayah';
			ws.getCell('A5').value = 'PATI';
		});
		const report = await refused(file, { sheet: 'Data' });
		expect(report.errors.map((e) => [e.code, e.row, e.column, e.value])).toEqual([
			['foreign-key-error', 5, 'Wilayah', 'PATI']
		]);
		expect(report.errors[0].message.id).toBe(
			'Lembar "Data": Nama wilayah "PATI" cocok dengan lebih dari satu wilayah: Kabupaten Pati (33.18), Pati (kecamatan, 33.18.10). Tulis nama lengkapnya atau pakai kolom kode_wilayah.'
		);
	});

	it('a table without an indicator column and no indicator given', async () => {
		const file = await bpsWorkbook(inDir('n.xlsx'));
		const report = await refused(file, { sheet: 'Data', fileIndicator: undefined });
		expect(report.errors.map((e) => [e.code, e.row, e.column])).toEqual([
			['missing-label', 4, 'indicator_code']
		]);
	});

	it('an empty sheet, naming the others', async () => {
		const wb = new ExcelJS.Workbook();
		wb.addWorksheet('Kosong');
		wb.addWorksheet('Data').getCell('A1').value = 'region_code';
		const file = inDir('e.xlsx');
		await wb.xlsx.writeFile(file);
		expect(only(await refused(file)).message).toEqual({
			id: 'Lembar "Kosong" kosong. Lembar lain: "Data"; pilih yang berisi tabel (--sheet, atau isian "Lembar" di halaman impor).',
			en: 'Sheet "Kosong" is empty. Other sheets: "Data"; choose the one with the table (--sheet, or the "Sheet" field on the import page).'
		});
	});

	it('a ZIP that is not a workbook, an OpenDocument sheet, and a damaged ZIP', async () => {
		const zip = inDir('f.xlsx');
		writeFileSync(zip, zipSync({ 'data.csv': strToU8('region_code\n33.18\n') }));
		expect(only(await refused(zip)).message.en).toBe(
			'This file is a ZIP archive but not an Excel workbook (.xlsx): it has no xl/workbook.xml. Open the table in Excel and save it as .xlsx or "CSV UTF-8".'
		);
		const ods = inDir('g.ods');
		writeFileSync(
			ods,
			zipSync({
				mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
				'content.xml': strToU8('<office:document-content/>')
			})
		);
		expect(only(await refused(ods)).message.id).toBe(
			'Berkas ini lembar kerja OpenDocument (.ods). Simpan sebagai .xlsx atau "CSV UTF-8" (LibreOffice: Berkas → Simpan Sebagai) lalu impor lagi.'
		);
		const damaged = inDir('h.xlsx');
		writeFileSync(damaged, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)]));
		expect(only(await refused(damaged)).message.id).toMatch(
			/^Buku kerja ini rusak atau tidak dapat dibaca \(.+\)\. Buka di Excel, simpan ulang sebagai \.xlsx, lalu impor lagi\.$/
		);
	});

	it('a workbook over the size limit, by the limit’s own message, unread', async () => {
		const file = await bpsWorkbook(inDir('i.xlsx'));
		const report = await refused(file, { limits: { maxBytes: 1000, maxRows: 1000 } });
		expect(only(report).message.en).toMatch(/^The file is \d+\.\d MB; the limit is 0\.0 MB\./);
	});
});

describe('previewImport() → confirmImport() with a workbook', () => {
	it('previews the sheet, then imports it on confirm; the import keeps the workbook’s sha256', async () => {
		const file = await bpsWorkbook(inDir('upload.xlsx'));
		const bytes = readFileSync(file);
		const owner = { userId: 7, sessionId: 's' };
		const settings = { owner, mayImport: () => true, limits };
		const checked = await previewImport(
			conn,
			{
				name: 'kemiskinan.xlsx',
				size: bytes.length,
				body: (async function* () {
					yield new Uint8Array(bytes);
				})()
			},
			actor,
			{
				...settings,
				kind: null,
				locale: null,
				defaultRegion: null,
				fileSource: SOURCE,
				fileIndicator: 'poverty_rate',
				sheet: 'Data'
			}
		);
		if ('problem' in checked) throw new Error(checked.problem);
		expect(checked.report.errors).toEqual([]);
		expect(checked.report).toMatchObject({ status: 'valid', sheet: 'Data', counts: { rows: 5 } });
		expect(current()).toEqual([]);
		const done = confirmImport(conn, checked.token!, actor, settings);
		if ('problem' in done) throw new Error(done.problem);
		expect(done.report).toMatchObject({
			status: 'imported',
			sheet: 'Data',
			fileName: 'kemiskinan.xlsx',
			sha256: createHash('sha256').update(bytes).digest('hex')
		});
		expect(current()).toHaveLength(5);
	});

	it('keeps the refusal of a workbook that cannot be read for its error download', async () => {
		const body = zipSync({ 'a.txt': strToU8('x') });
		const checked = await previewImport(
			conn,
			{
				name: 'x.xlsx',
				size: body.length,
				body: (async function* () {
					yield body;
				})()
			},
			actor,
			{
				owner: { userId: 7, sessionId: 's' },
				mayImport: () => true,
				limits,
				kind: null,
				locale: null,
				defaultRegion: null,
				fileSource: null,
				fileIndicator: null
			}
		);
		if ('problem' in checked) throw new Error(checked.problem);
		expect(checked.report.status).toBe('refused');
		expect(checked.report.errors[0].message.en).toContain('not an Excel workbook');
		expect(checked.token).not.toBeNull();
	});
});
