/**
 * One target from the form, validated by the import module's own targets schema: the fields are
 * written as a one-row CSV and go through `validateCsv`, so a form entry and an uploaded file are
 * refused for the same reasons, with the same error codes and messages.
 */
import { createHash } from 'node:crypto';
import { csvRows } from '$lib/csv/write';
import {
	kindSchemas,
	validateCsv,
	type ImportError,
	type IndicatorInfo,
	type Locale,
	type TargetRow
} from '$lib/import';

export const FIELDS = [
	'year',
	'value',
	'document_type',
	'document_ref',
	'source',
	'note',
	'illustrative'
] as const;

export type TargetForm = Record<(typeof FIELDS)[number], string>;

export function readTargetForm(form: FormData): TargetForm {
	const out = {} as TargetForm;
	for (const f of FIELDS) out[f] = String(form.get(f) ?? '').slice(0, 2000);
	// A checkbox sends nothing when unticked.
	out.illustrative = out.illustrative ? 'true' : 'false';
	return out;
}

export interface FieldError {
	field: string;
	code: ImportError['code'];
	message: ImportError['message'];
}

/**
 * Validates one target for `region` and `indicator`. Example: `validateTarget(form, 'id', '33.18',
 * 'hdi_ipm', info)` → `{ ok: true, row, csv }` or `{ ok: false, errors }` naming the form fields.
 */
export function validateTarget(
	form: TargetForm,
	locale: Locale,
	region: string,
	indicator: string,
	info: IndicatorInfo,
	options: { allowIllustrative?: boolean } = {}
): { ok: true; row: TargetRow; csv: string; sha256: string } | { ok: false; errors: FieldError[] } {
	const delimiter = locale === 'id' ? ';' : ',';
	const columns = kindSchemas.targets.columns.map((c) => c.name);
	const cells: Record<string, string> = { ...form, region_code: region, indicator_code: indicator };
	const csv = csvRows([columns, columns.map((c) => cells[c] ?? '')], delimiter);
	const report = validateCsv(new TextEncoder().encode(csv), {
		kind: 'targets',
		locale,
		fileName: 'staff-targets-form.csv',
		allowIllustrative: options.allowIllustrative,
		context: {
			regions: new Set([region]),
			frameworks: new Set([info.frameworkCode]),
			nodes: new Map(),
			indicators: new Map([[indicator, info]])
		}
	});
	if (report.status === 'valid' && report.rows.length === 1) {
		return {
			ok: true,
			row: report.rows[0],
			csv,
			sha256: createHash('sha256').update(csv).digest('hex')
		};
	}
	return {
		ok: false,
		errors: report.errors.map((e) => ({
			field: e.column ?? 'form',
			code: e.code,
			message: e.message
		}))
	};
}
