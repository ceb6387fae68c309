/**
 * Error messages in Indonesian and English. Each says what is wrong and what to do about it;
 * the row and column travel in the error itself.
 */
import type { ColumnDecl } from './schemas';
import type { NumberError } from './number';
import type { RegionCandidate } from './region-match';
import { unitLabel } from '../units';
import { MAX_YEAR, MIN_YEAR, type Locale, type Message, type ValueType } from './types';

const q = (s: string) => `"${s.length > 60 ? s.slice(0, 57) + '…' : s}"`;
const localeName = (l: Locale | null) =>
	l === 'id'
		? { id: 'Indonesia', en: 'Indonesian' }
		: l === 'en'
			? { id: 'Inggris', en: 'English' }
			: null;
/** `alternatives(['"-"', '"NA"', '"…"'], 'or')` → `"-", "NA" or "…"`. */
const alternatives = (items: readonly string[], or: string) =>
	items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${or} ${items.at(-1)}`;
/** How many regions a message lists at most. */
const MAX_LISTED = 5;
/** `Kabupaten Pati (33.18), Pati (kecamatan, 33.18.10)`: the kind only where the name lacks it. */
const regionList = (regions: readonly RegionCandidate[]) => {
	const shown = regions
		.slice(0, MAX_LISTED)
		.map((r) =>
			r.name.toLowerCase().startsWith(r.kind + ' ')
				? `${r.name} (${r.code})`
				: `${r.name} (${r.kind}, ${r.code})`
		)
		.join(', ');
	return regions.length > MAX_LISTED ? `${shown}, …` : shown;
};

export const msg = {
	emptyFile: (): Message => ({
		id: 'Berkas kosong. Isi baris 1 dengan nama kolom dan baris berikutnya dengan data (unduh templatnya).',
		en: 'The file is empty. Put the column names in row 1 and the data below (download the template).'
	}),
	noHeader: (titles: number): Message => ({
		id: `Tidak ada baris nama kolom: berkas ini hanya berisi ${titles} baris judul atau catatan. Baris nama kolom memuat nama seperti kode_wilayah, kode_indikator, tahun, nilai (unduh templatnya).`,
		en: `No header row: the file holds only ${titles} title or note line${titles === 1 ? '' : 's'}. A header row names columns such as region_code, indicator_code, year, value (download the template).`
	}),
	notWorkbook: (): Message => ({
		id: 'Berkas ini ZIP, tetapi bukan buku kerja Excel (.xlsx): isinya tidak punya xl/workbook.xml. Buka tabelnya di Excel lalu simpan sebagai .xlsx atau "CSV UTF-8".',
		en: 'This file is a ZIP archive but not an Excel workbook (.xlsx): it has no xl/workbook.xml. Open the table in Excel and save it as .xlsx or "CSV UTF-8".'
	}),
	odsWorkbook: (): Message => ({
		id: 'Berkas ini lembar kerja OpenDocument (.ods). Simpan sebagai .xlsx atau "CSV UTF-8" (LibreOffice: Berkas → Simpan Sebagai) lalu impor lagi.',
		en: 'This file is an OpenDocument spreadsheet (.ods). Save it as .xlsx or "CSV UTF-8" (LibreOffice: File → Save As) and import it again.'
	}),
	brokenWorkbook: (detail: string): Message => ({
		id: `Buku kerja ini rusak atau tidak dapat dibaca (${detail}). Buka di Excel, simpan ulang sebagai .xlsx, lalu impor lagi.`,
		en: `This workbook is damaged or cannot be read (${detail}). Open it in Excel, save it again as .xlsx and import it again.`
	}),
	sheetNotFound: (sheet: string, sheets: string[]): Message => ({
		id: `Lembar ${q(sheet)} tidak ada di buku kerja ini. Lembar yang ada: ${sheets.map(q).join(', ')}. Pilih salah satunya (--sheet, atau isian "Lembar" di halaman impor).`,
		en: `There is no sheet ${q(sheet)} in this workbook. Its sheets: ${sheets.map(q).join(', ')}. Choose one of them (--sheet, or the "Sheet" field on the import page).`
	}),
	emptySheet: (sheet: string, sheets: string[]): Message => {
		const others = sheets.filter((s) => s !== sheet);
		return {
			id: `Lembar ${q(sheet)} kosong.${others.length > 0 ? ` Lembar lain: ${others.map(q).join(', ')}; pilih yang berisi tabel (--sheet, atau isian "Lembar" di halaman impor).` : ' Isi baris 1 dengan nama kolom dan baris berikutnya dengan data (unduh templatnya).'}`,
			en: `Sheet ${q(sheet)} is empty.${others.length > 0 ? ` Other sheets: ${others.map(q).join(', ')}; choose the one with the table (--sheet, or the "Sheet" field on the import page).` : ' Put the column names in row 1 and the data below (download the template).'}`
		};
	},
	sheetTooLarge: (sheet: string, mb: number, maxMb: number): Message => ({
		id: `Lembar ${q(sheet)} berisi ${mb.toLocaleString('id-ID')} MB data bila dibuka; batasnya ${maxMb.toLocaleString('id-ID')} MB. Pecah tabelnya menjadi beberapa berkas.`,
		en: `Sheet ${q(sheet)} unpacks to ${mb.toLocaleString('en-US')} MB; the limit is ${maxMb.toLocaleString('en-US')} MB. Split the table into several files.`
	}),
	/** An error of a workbook's sheet: the sheet first, as Excel users look for it. */
	inSheet: (sheet: string, m: Message): Message => ({
		id: `Lembar ${q(sheet)}: ${m.id}`,
		en: `Sheet ${q(sheet)}: ${m.en}`
	}),
	sheetRead: (sheet: string, sheets: string[]): Message =>
		sheets.length > 1
			? {
					id: `Dibaca lembar ${q(sheet)} (${sheets.indexOf(sheet) + 1} dari ${sheets.length}: ${sheets.map(q).join(', ')}). Lembar lain dipilih dengan --sheet atau isian "Lembar" di halaman impor.`,
					en: `Read sheet ${q(sheet)} (${sheets.indexOf(sheet) + 1} of ${sheets.length}: ${sheets.map(q).join(', ')}). Choose another with --sheet or the "Sheet" field on the import page.`
				}
			: { id: `Dibaca lembar ${q(sheet)}.`, en: `Read sheet ${q(sheet)}.` },
	blankLabel: (letter: string): Message => ({
		id: `Kolom ${letter} tidak bernama. Beri nama kolom di baris 1 atau hapus kolom itu.`,
		en: `Column ${letter} has no name. Name it in row 1 or delete the column.`
	}),
	missingLabel: (c: ColumnDecl): Message => ({
		id: `Kolom wajib "${c.name}" (atau "${c.aliases[0]}") tidak ada di baris judul. Tambahkan kolom itu.`,
		en: `The required column "${c.name}" (or "${c.aliases[0]}") is not in the header. Add it.`
	}),
	missingRegion: (): Message => ({
		id: 'Kolom "region_code" (atau "kode_wilayah", atau nama wilayah: "nama_wilayah", "Kabupaten/Kota") tidak ada dan wilayah bawaan tidak diberikan. Tambahkan kolom itu atau pilih wilayah (--region).',
		en: 'The column "region_code" (or "kode_wilayah", or the region name: "region_name", "Kabupaten/Kota") is missing and no default region was given. Add the column or choose a region (--region).'
	}),
	missingSource: (): Message => ({
		id: 'Kolom "source" (atau "sumber") tidak ada dan sumber berkas tidak diberikan. Tambahkan kolom itu, atau berikan satu sumber untuk seluruh berkas: --source "…" di baris perintah, atau isian "Sumber" di halaman impor.',
		en: 'The column "source" (or "sumber") is missing and no source was given for the file. Add the column, or give one source for the whole file: --source "…" on the command line, or the "Source" field on the import page.'
	}),
	missingIndicator: (): Message => ({
		id: 'Kolom "indicator_code" (atau "kode_indikator") tidak ada dan indikator berkas tidak diberikan. Tambahkan kolom itu, atau berikan satu indikator untuk seluruh berkas: --indicator KODE di baris perintah, atau pilihan "Indikator" di halaman impor.',
		en: 'The column "indicator_code" (or "kode_indikator") is missing and no indicator was given for the file. Add the column, or give one indicator for the whole file: --indicator CODE on the command line, or the "Indicator" choice on the import page.'
	}),
	duplicateLabel: (label: string, first: string): Message => ({
		id: `Kolom ${q(label)} muncul dua kali (juga di ${q(first)}). Hapus salah satunya.`,
		en: `Column ${q(label)} appears twice (also as ${q(first)}). Delete one of them.`
	}),
	extraLabel: (label: string, allowed: string[]): Message => ({
		id: `Kolom ${q(label)} tidak dikenal. Kolom yang boleh: ${allowed.join(', ')}. Ganti nama atau hapus kolom itu.`,
		en: `Unknown column ${q(label)}. Allowed columns: ${allowed.join(', ')}. Rename or delete it.`
	}),
	cellColumnInWide: (label: string): Message => ({
		id: `Kolom ${q(label)} tidak dipakai dalam bentuk lebar (satu kolom per tahun). Pilih salah satu bentuk: panjang (year, value) atau lebar (kolom 2019, 2020, …).`,
		en: `Column ${q(label)} does not belong in the wide shape (one column per year). Use one shape: long (year, value) or wide (columns 2019, 2020, …).`
	}),
	yearLabelRange: (label: string): Message => ({
		id: `Kolom tahun ${q(label)} di luar ${MIN_YEAR}–${MAX_YEAR}. Perbaiki tahunnya.`,
		en: `Year column ${q(label)} is outside ${MIN_YEAR}–${MAX_YEAR}. Fix the year.`
	}),
	extraCell: (count: number, width: number): Message => ({
		id: `Baris ini punya ${count} sel, lebih dari ${width} kolom judul. Hapus sel berlebih atau periksa pemisah/tanda kutip.`,
		en: `This row has ${count} cells, more than the ${width} header columns. Delete the extra cells or check the delimiters and quotes.`
	}),
	missingCell: (count: number, width: number): Message => ({
		id: `Baris ini hanya punya ${count} sel dari ${width} kolom. Lengkapi sel yang kurang (boleh kosong, tetapi pemisahnya harus ada).`,
		en: `This row has only ${count} of ${width} cells. Add the missing cells (they may be empty, but the delimiters must be there).`
	}),
	required: (label: string): Message => ({
		id: `Sel ${q(label)} wajib diisi.`,
		en: `The ${q(label)} cell must not be empty.`
	}),
	number: (error: NumberError, text: string, locale: Locale | null): Message => {
		const l = localeName(locale);
		switch (error) {
			case 'ambiguous':
				return {
					id: `${q(text)} bisa dibaca dua cara (pemisah ribuan atau desimal). Tulis tanpa pemisah ribuan (mis. 1234 atau 1,234 untuk desimal di berkas Indonesia), atau nyatakan format angka berkas (--locale id|en).`,
					en: `${q(text)} reads two ways (thousands or decimal separator). Write it without thousands separators (e.g. 1234, or 1.234 for a decimal in an English file), or state the file's number format (--locale id|en).`
				};
			case 'wrong-locale':
				return {
					id: `${q(text)} tidak ditulis dalam format angka ${l?.id ?? ''} berkas ini (${locale === 'id' ? '12,5 dan 1.234.567' : '12.5 dan 1,234,567'}). Perbaiki angkanya atau nyatakan format angka berkas (--locale).`,
					en: `${q(text)} is not written in this file's ${l?.en ?? ''} number format (${locale === 'id' ? '12,5 and 1.234.567' : '12.5 and 1,234,567'}). Fix the number or state the file's number format (--locale).`
				};
			case 'not-finite':
				return {
					id: `${q(text)} terlalu besar untuk disimpan. Periksa angkanya.`,
					en: `${q(text)} is too large to store. Check the number.`
				};
			default:
				return {
					id: `${q(text)} bukan angka. Tulis angka saja (tanpa satuan, %, teks, NaN atau Infinity).`,
					en: `${q(text)} is not a number. Write a number only (no unit, %, text, NaN or Infinity).`
				};
		}
	},
	integer: (text: string): Message => ({
		id: `${q(text)} bukan bilangan bulat. Tulis bilangan bulat.`,
		en: `${q(text)} is not a whole number. Write a whole number.`
	}),
	year: (text: string): Message => ({
		id: `${q(text)} bukan tahun. Tulis tahun empat angka, mis. 2023.`,
		en: `${q(text)} is not a year. Write a four-digit year, e.g. 2023.`
	}),
	yearRange: (text: string): Message => ({
		id: `Tahun ${q(text)} di luar ${MIN_YEAR}–${MAX_YEAR}. Perbaiki tahunnya.`,
		en: `Year ${q(text)} is outside ${MIN_YEAR}–${MAX_YEAR}. Fix the year.`
	}),
	illustrativeRefused: (): Message => ({
		id: 'Instance ini hanya memuat data nyata: nilai ilustrasi tidak boleh diimpor. Kosongkan atau tulis tidak di kolom ini; data latihan hanya untuk mode demo (npm run demo; perintah impor dengan DEMO=1).',
		en: 'This instance holds real data only: illustrative values cannot be imported. Leave this cell empty or write false; practice data belongs in the demo mode (npm run demo; the import command with DEMO=1).'
	}),
	years: (text: string): Message => ({
		id: `${q(text)} bukan daftar tahun. Tulis tahun empat angka dipisah spasi, mis. 2024 atau 2010 2024.`,
		en: `${q(text)} is not a list of years. Write four-digit years separated by spaces, e.g. 2024 or 2010 2024.`
	}),
	boolean: (text: string): Message => ({
		id: `${q(text)} bukan ya/tidak. Tulis ya, tidak, 1, 0, true atau false.`,
		en: `${q(text)} is not yes/no. Write true, false, 1, 0, ya or tidak.`
	}),
	enumeration: (text: string, values: readonly string[]): Message => ({
		id: `${q(text)} tidak termasuk pilihan. Pilih salah satu: ${values.join(', ')}.`,
		en: `${q(text)} is not one of the choices. Use one of: ${values.join(', ')}.`
	}),
	pattern: (text: string, hint: Message): Message => ({
		id: `${q(text)} tidak sesuai format: harus ${hint.id}.`,
		en: `${q(text)} has the wrong format: it must be ${hint.en}.`
	}),
	min: (text: string, min: number): Message => ({
		id: `${q(text)} lebih kecil dari ${min}. Nilai minimum ${min}.`,
		en: `${q(text)} is less than ${min}. The minimum is ${min}.`
	}),
	max: (text: string, max: number): Message => ({
		id: `${q(text)} lebih besar dari ${max}. Nilai maksimum ${max}.`,
		en: `${q(text)} is more than ${max}. The maximum is ${max}.`
	}),
	valueType: (text: string, type: ValueType, indicator: string): Message => {
		const rule = {
			percent: { id: 'persen, antara 0 dan 100', en: 'a percentage, between 0 and 100' },
			count: {
				id: 'cacah, bilangan bulat 0 atau lebih',
				en: 'a count, a whole number of 0 or more'
			},
			level: { id: 'level, bilangan bulat 1 sampai 5', en: 'a level, a whole number from 1 to 5' },
			number: { id: 'angka', en: 'a number' }
		}[type];
		return {
			id: `${q(text)} tidak sah untuk indikator ${q(indicator)}: nilainya harus ${rule.id}.`,
			en: `${q(text)} is not valid for indicator ${q(indicator)}: its value must be ${rule.en}.`
		};
	},
	valueRange: (
		text: string,
		range: { min: number; max: number },
		unit: string,
		indicator: string
	): Message => {
		const id = (n: number) => String(n).replace('.', ',');
		const bounds =
			range.max === Infinity
				? { id: `${id(range.min)} atau lebih`, en: `${range.min} or more` }
				: {
						id: `antara ${id(range.min)} dan ${id(range.max)}`,
						en: `between ${range.min} and ${range.max}`
					};
		return {
			id: `${q(text)} tidak mungkin untuk indikator ${q(indicator)} (satuan ${q(unitLabel(unit, 'id'))}): nilainya harus ${bounds.id}. Periksa pemisah ribuan dan desimal: 91,5 ditulis dengan koma.`,
			en: `${q(text)} is not possible for indicator ${q(indicator)} (unit ${q(unitLabel(unit, 'en'))}): its value must be ${bounds.en}. Check the thousands and decimal separators: 91.5 is written with a point.`
		};
	},
	skippedTitleTop: (rows: string, header: number): Message => ({
		id: `Baris ${rows} dilewati: judul tabel di atas nama kolom. Nama kolom dibaca dari baris ${header}.`,
		en: `Row(s) ${rows} skipped: a table title above the column names. The column names are read from row ${header}.`
	}),
	skippedBlankTop: (rows: string, header: number): Message => ({
		id: `Baris ${rows} dilewati: baris kosong di atas nama kolom. Nama kolom dibaca dari baris ${header}.`,
		en: `Row(s) ${rows} skipped: blank above the column names. The column names are read from row ${header}.`
	}),
	skippedFooter: (rows: string): Message => ({
		id: `Baris ${rows} dilewati: catatan di bawah tabel (Sumber, Catatan, Keterangan), bukan data.`,
		en: `Row(s) ${rows} skipped: notes below the table (Source, Note), not data.`
	}),
	skippedMissing: (count: number, marks: readonly string[]): Message => ({
		id: `${count} sel bertanda ${alternatives(marks.map(q), 'atau')} dilewati: tidak ada nilai, bukan nol.`,
		en: `${count} ${count === 1 ? 'cell' : 'cells'} marked ${alternatives(marks.map(q), 'or')} skipped: no value, not zero.`
	}),
	yearOrder: (): Message => ({
		id: 'year_to lebih awal dari year_from. Perbaiki salah satunya (kosongkan year_to bila masih berlaku).',
		en: 'year_to is before year_from. Fix one of them (leave year_to empty while in force).'
	}),
	minmaxBounds: (): Message => ({
		id: 'Metode minmax perlu worst dan best yang terisi dan berbeda. Isi keduanya.',
		en: 'The minmax method needs worst and best, filled in and different. Fill in both.'
	}),
	polarityBounds: (polarity: string): Message => ({
		id:
			polarity === 'higher'
				? 'Polaritas higher: best harus lebih besar dari worst. Tukar nilainya atau ubah polaritas.'
				: 'Polaritas lower: best harus lebih kecil dari worst. Tukar nilainya atau ubah polaritas.',
		en:
			polarity === 'higher'
				? 'Polarity higher: best must be greater than worst. Swap them or change the polarity.'
				: 'Polarity lower: best must be less than worst. Swap them or change the polarity.'
	}),
	bandsBenchmark: (): Message => ({
		id: 'Metode bands perlu benchmark. Isi kolom benchmark.',
		en: 'The bands method needs a benchmark. Fill in the benchmark column.'
	}),
	levelMethod: (): Message => ({
		id: 'Metode level hanya untuk value_type level. Ubah value_type atau metodenya.',
		en: 'The level method needs value_type level. Change the value_type or the method.'
	}),
	unique: (key: string, firstRow: number): Message => ({
		id: `${key} sudah ada di baris ${firstRow}. Setiap kunci hanya boleh sekali dalam berkas: hapus atau gabungkan salah satunya.`,
		en: `${key} is already in row ${firstRow}. Each key may appear once in a file: delete or merge one of them.`
	}),
	unknownRegion: (code: string): Message => ({
		id: `Wilayah ${q(code)} tidak terdaftar. Periksa kodenya atau daftarkan wilayahnya dahulu.`,
		en: `Region ${q(code)} is not registered. Check the code or register the region first.`
	}),
	ambiguousRegionName: (name: string, candidates: readonly RegionCandidate[]): Message => ({
		id: `Nama wilayah ${q(name)} cocok dengan lebih dari satu wilayah: ${regionList(candidates)}. Tulis nama lengkapnya atau pakai kolom kode_wilayah.`,
		en: `Region name ${q(name)} matches more than one region: ${regionList(candidates)}. Write the full name or use the region_code column.`
	}),
	unknownRegionName: (name: string, suggestions: readonly RegionCandidate[]): Message => {
		const near = suggestions.length > 0 ? regionList(suggestions) : null;
		return {
			id: `Nama wilayah ${q(name)} tidak terdaftar.${near ? ` Mungkin maksudnya: ${near}?` : ''} Periksa ejaannya (singkatan selain Kab., Kec. dan Prov. tidak dikenali) atau pakai kolom kode_wilayah.`,
			en: `Region name ${q(name)} is not registered.${near ? ` Did you mean: ${near}?` : ''} Check the spelling (no abbreviation other than Kab., Kec. and Prov. is recognised) or use the region_code column.`
		};
	},
	unknownIndicator: (code: string): Message => ({
		id: `Indikator ${q(code)} tidak terdaftar. Periksa kodenya atau impor indikatornya dahulu.`,
		en: `Indicator ${q(code)} is not registered. Check the code or import the indicator first.`
	}),
	unknownFramework: (code: string): Message => ({
		id: `Kerangka ${q(code)} tidak terdaftar. Periksa kodenya atau impor kerangkanya dahulu.`,
		en: `Framework ${q(code)} is not registered. Check the code or import the framework first.`
	}),
	unknownNode: (code: string, framework: string): Message => ({
		id: `Simpul ${q(code)} tidak ada dalam kerangka ${q(framework)} (juga tidak di baris sebelumnya). Periksa kodenya atau impor simpulnya dahulu.`,
		en: `Node ${q(code)} is not in framework ${q(framework)} (nor on an earlier row). Check the code or import the node first.`
	}),
	unknownParentRegion: (code: string): Message => ({
		id: `Wilayah induk ${q(code)} tidak terdaftar dan tidak ada di baris sebelumnya. Letakkan wilayah induk lebih dulu.`,
		en: `Parent region ${q(code)} is neither registered nor on an earlier row. Put the parent region first.`
	}),
	unterminatedQuote: (): Message => ({
		id: 'Tanda kutip dibuka di baris ini tetapi tidak pernah ditutup: sisa berkas terbaca sebagai satu sel. Tambahkan tanda kutip penutup.',
		en: 'A quote opens on this row and never closes, so the rest of the file reads as one cell. Add the closing quote.'
	}),
	invalidQuote: (): Message => ({
		id: 'Tanda kutip di baris ini salah tempat (teks setelah kutip penutup). Tulis "" untuk tanda kutip di dalam sel yang dikutip.',
		en: 'A quote on this row is misplaced (text after a closing quote). Write "" for a quote inside a quoted cell.'
	}),
	tooManyRows: (max: number): Message => ({
		id: `Berkas melebihi batas ${max} baris. Pecah menjadi beberapa berkas.`,
		en: `The file exceeds the limit of ${max} rows. Split it into several files.`
	})
};

/**
 * Why a write of an import was refused (`ImportRefused`), by code: what the page and the CLI say,
 * in both languages. `params` carry the import's id and what the reason names.
 */
export const REFUSALS = {
	not_found: (p: { importId: number }): Message => ({
		id: `Impor ${p.importId} tidak ada.`,
		en: `Import ${p.importId} does not exist.`
	}),
	already_undone: (p: { importId: number }): Message => ({
		id: `Impor ${p.importId} sudah dibatalkan sebelumnya.`,
		en: `Import ${p.importId} was already undone.`
	}),
	not_undoable: (p: { importId: number; kind: string }): Message => ({
		id: `Impor ${p.importId} memuat ${p.kind}; hanya impor nilai (observations) dan target yang dapat dibatalkan.`,
		en: `Import ${p.importId} loaded ${p.kind}; only observation and target imports can be undone.`
	}),
	superseded: (p: { importId: number; later: number[] }): Message => ({
		id: `Impor ${p.importId} tidak dapat dibatalkan: impor ${p.later.join(', ')} mengganti sebagian nilainya. Batalkan impor itu lebih dulu.`,
		en: `Import ${p.importId} cannot be undone: import ${p.later.join(', ')} replaced some of its values; undo that first.`
	}),
	// Names nothing: the params are empty.
	busy: (_params: Record<string, never>): Message => ({
		id: 'Impor lain sedang menulis ke basis data; tidak ada yang ditulis. Coba lagi setelah impor itu selesai.',
		en: 'Another import is writing to the database right now; nothing was written. Try again when it has finished.'
	})
} as const;
export type RefusalCode = keyof typeof REFUSALS;
export type RefusalParams<C extends RefusalCode> = Parameters<(typeof REFUSALS)[C]>[0];
