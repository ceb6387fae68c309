import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { IMPORT_KINDS, kindSchemas, type ImportKind, type Locale } from '$lib/import';
import { getConnection, type Connection } from '$lib/server/db';
import { listIndicatorOpds } from '$lib/server/db/assignments';
import * as frameworks from '$lib/server/db/frameworks';
import * as importHistory from '$lib/server/db/import-history';
import * as regions from '$lib/server/db/regions';
import { recordAudit } from '$lib/server/audit';
import { actorOf, deny, requireCapability } from '$lib/server/auth/guard';
import {
	importKindsFor,
	may,
	mayEditTargets,
	mayEditValues,
	OPD_SCOPED,
	type SessionUser
} from '$lib/server/auth/roles';
import {
	auditImport,
	auditUndo,
	guessKind,
	ImportForbidden,
	importFile,
	importLimits,
	ImportRefused,
	readHeaderLine,
	undo,
	type ImportReport
} from '$lib/server/importer';
import { localizeHref } from '$lib/paraglide/runtime';
import { pageOf } from '../paging';
import { cleanFileName, previewOf, type PreviewView } from './preview';
import {
	discard,
	discardData,
	readUpload,
	saveMeta,
	storeUpload,
	sweep,
	uploadOwner,
	uploadsDir
} from './uploads.server';
import { config } from '$lib/server/config';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 20;
const PREVIEW_ROWS = 10;
/** Errors shown and downloadable; the count of all of them is always given. */
const MAX_ERRORS = 1000;

const LOCALES = ['auto', 'id', 'en'] as const;

/** Every region, for the upload form's default-region menu. */
function regionCodes(conn: Connection): { code: string; name: string }[] {
	return regions.all(conn).map(({ code, name }) => ({ code, name }));
}

/** The query parameter as a positive whole number, or null. */
function idParam(url: URL, name: string): number | null {
	const n = Number(url.searchParams.get(name));
	return Number.isSafeInteger(n) && n > 0 ? n : null;
}

export const load = (async (event) => {
	const user = requireCapability(event, 'staff');
	const conn = getConnection();
	const total = importHistory.count(conn);
	const { page, pages, offset } = pageOf(event.url, total, PAGE_SIZE);

	// Result of the last confirm or undo (redirected here), read back from the import record.
	const importedId = idParam(event.url, 'imported');
	const undoneId = idParam(event.url, 'undone');
	const unchanged = idParam(event.url, 'unchanged');
	const record = (id: number) => {
		const row = importHistory.historyRow(conn, id);
		if (!row) return undefined;
		const { kind, fileName, rowCount, inserted, updated, unchanged } = row;
		return { id: row.id, kind, fileName, rowCount, inserted, updated, unchanged };
	};
	const result = {
		imported: importedId ? (record(importedId) ?? null) : null,
		undone: undoneId
			? {
					id: undoneId,
					removed: idParam(event.url, 'removed') ?? 0,
					restored: idParam(event.url, 'restored') ?? 0
				}
			: null,
		unchanged
	};

	const kinds = importKindsFor(user.role);
	// "Batalkan" first shows what the undo will take away; the POST comes from that panel.
	const confirmId = may(user, 'undoImport') ? idParam(event.url, 'confirmUndo') : null;
	const confirmRow = confirmId !== null ? importHistory.historyRow(conn, confirmId) : null;
	const confirmUndo =
		confirmRow && confirmRow.status === 'committed'
			? {
					id: confirmRow.id,
					kind: confirmRow.kind,
					fileName: confirmRow.fileName,
					actor: confirmRow.actor,
					createdAt: confirmRow.createdAt,
					// Every row the import wrote goes; each value it replaced is current again.
					removed: confirmRow.inserted + confirmRow.updated,
					restored: confirmRow.updated
				}
			: null;
	return {
		confirmUndo,
		canImport: may(user, 'importData') && kinds.length > 0,
		canUndo: may(user, 'undoImport'),
		kinds,
		opd: OPD_SCOPED.includes(user.role) ? user.opd : null,
		regions: regionCodes(conn),
		limits: importLimits(),
		history: importHistory.history(conn, { limit: PAGE_SIZE, offset }).map((h) => ({
			id: h.id,
			kind: h.kind,
			fileName: h.fileName,
			sha256: h.sha256,
			actor: h.actor,
			createdAt: h.createdAt,
			status: h.status,
			rowCount: h.rowCount,
			inserted: h.inserted,
			updated: h.updated,
			unchanged: h.unchanged,
			undoneAt: h.undoneAt,
			undoneBy: h.undoneBy,
			undoable: h.status === 'committed' && (h.kind === 'observations' || h.kind === 'targets')
		})),
		total,
		page,
		pages,
		result,
		// Templates with this instance's codes, one dimension at a time.
		dimensions: frameworks
			.nodes(conn.db, config().instance.defaultFramework)
			.filter((n) => n.parentCode === null)
			.map((n) => ({ code: n.code, nameId: n.nameId, nameEn: n.nameEn })),
		docs: IMPORT_KINDS.filter(
			(k) => k === 'observations' || k === 'targets' || kinds.includes(k)
		).map((k) => ({
			kind: k,
			description: kindSchemas[k].description,
			shapes: kindSchemas[k].shapes,
			columns: kindSchemas[k].columns.map((c) => ({
				name: c.name,
				aliases: c.aliases,
				type: c.type,
				required: c.required,
				values: c.enum ?? null,
				min: c.min ?? null,
				max: c.max ?? null,
				example: c.example,
				description: c.description
			}))
		}))
	};
}) satisfies PageServerLoad;

type Outcome = { report: ImportReport } | { forbidden: string[] };

/**
 * Runs the import service with this user's checks: a produsen may write only indicators of their
 * own OPD, a perencana only targets (asked inside the transaction, per indicator the file names);
 * a refusal of that kind is recorded as a denial.
 */
function runImport(
	event: RequestEvent,
	user: SessionUser,
	conn: Connection,
	file: string,
	opts: {
		kind: ImportKind;
		locale: Locale | null;
		defaultRegion: string | null;
		fileName: string;
		dryRun: boolean;
	}
): Outcome {
	const actor = actorOf(event);
	const mayEdit = opts.kind === 'targets' ? mayEditTargets : mayEditValues;
	const opdOf = new Map(listIndicatorOpds(conn).map((r) => [r.code, r.opd]));
	let notAllowed: string[] = [];
	try {
		const report = importFile(conn, file, {
			kind: opts.kind,
			actor: user.username,
			fileName: opts.fileName,
			locale: opts.locale ?? undefined,
			defaultRegion: opts.defaultRegion ?? undefined,
			dryRun: opts.dryRun,
			maxErrors: MAX_ERRORS,
			limits: importLimits(),
			previewRows: PREVIEW_ROWS,
			allowIllustrative: config().demo,
			mayWrite: (indicators) => {
				notAllowed = [...indicators].filter((code) => !mayEdit(user, opdOf.get(code) ?? ''));
				return notAllowed.length === 0;
			},
			audit: auditImport(actor)
		});
		return { report };
	} catch (e) {
		if (!(e instanceof ImportForbidden)) throw e;
		const indicators = notAllowed.sort();
		recordAudit(conn, actor, {
			action: 'auth.denied',
			entityType: 'route',
			entityId: `POST ${event.route.id} ${opts.dryRun ? '?/preview' : '?/confirm'}`,
			after: {
				role: user.role,
				opd: user.opd,
				kind: opts.kind,
				fileName: opts.fileName,
				indicators: indicators.slice(0, 20)
			}
		});
		return { forbidden: indicators };
	}
}

const MB = 1024 * 1024;

export const actions = {
	preview: async (event) => {
		const user = requireCapability(event, 'importData');
		const conn = getConnection();
		const limits = importLimits();
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch {
			// adapter-node's BODY_SIZE_LIMIT cuts the body off: say what the person can do about it.
			const length = Number(event.request.headers.get('content-length') ?? 0);
			if (length > limits.maxBytes) return fail(413, { tooLarge: { maxMb: limits.maxBytes / MB } });
			return fail(400, { problem: 'unreadable' as const });
		}
		const values = {
			kind: String(form.get('kind') ?? 'auto'),
			locale: String(form.get('locale') ?? 'auto'),
			region: String(form.get('region') ?? '')
		};
		const file = form.get('file');
		if (!(file instanceof File) || file.name === '')
			return fail(400, { values, problem: 'missing' as const });
		const allowed = importKindsFor(user.role);
		if (values.kind !== 'auto' && !allowed.includes(values.kind as ImportKind)) {
			if ((IMPORT_KINDS as readonly string[]).includes(values.kind))
				deny(event, { kind: values.kind });
			return fail(400, { values, problem: 'kind' as const });
		}
		if (!(LOCALES as readonly string[]).includes(values.locale))
			return fail(400, { values, problem: 'locale' as const });
		if (values.region !== '' && !regionCodes(conn).some((r) => r.code === values.region))
			return fail(400, { values, problem: 'region' as const });

		const dir = uploadsDir(conn.path);
		sweep(dir);
		const stored = await storeUpload(
			dir,
			file.stream() as unknown as AsyncIterable<Uint8Array>,
			limits.maxBytes,
			file.size
		);
		if ('tooLarge' in stored)
			return fail(413, { values, tooLarge: { maxMb: limits.maxBytes / MB } });
		const guessed = values.kind === 'auto' ? guessKind(readHeaderLine(stored.file)) : null;
		const kind = (guessed ?? values.kind) as ImportKind;
		if (!allowed.includes(kind)) {
			discard(dir, stored.token);
			return fail(400, { values, problem: 'kind' as const });
		}
		const meta = {
			owner: uploadOwner(event, user),
			createdAt: Date.now(),
			kind,
			locale: values.locale === 'auto' ? null : (values.locale as Locale),
			defaultRegion: values.region || null,
			fileName: cleanFileName(file.name),
			bytes: stored.bytes,
			sha256: stored.sha256
		};
		let outcome: Outcome;
		try {
			outcome = runImport(event, user, conn, stored.file, { ...meta, dryRun: true });
		} catch (e) {
			discard(dir, stored.token);
			if (e instanceof ImportRefused)
				return fail(400, { values, problem: 'kind' as const, detail: e.message });
			throw e;
		}
		if ('forbidden' in outcome) {
			discard(dir, stored.token);
			return fail(403, { values, forbidden: outcome.forbidden });
		}
		const report = outcome.report;
		if (report.status === 'unchanged') {
			discard(dir, stored.token);
			return { values, preview: previewOf(report, null) };
		}
		const confirmable = report.status === 'valid';
		saveMeta(dir, stored.token, {
			...meta,
			confirmable,
			errors: report.errors,
			errorCount: report.errorCount
		});
		if (!confirmable) {
			// Only the error list stays, for its CSV download.
			discardData(dir, stored.token);
			return fail(400, { values, preview: previewOf(report, stored.token) });
		}
		return { values, preview: previewOf(report, stored.token) };
	},

	confirm: async (event) => {
		const user = requireCapability(event, 'importData');
		const conn = getConnection();
		const form = await event.request.formData();
		const token = String(form.get('token') ?? '');
		if (token === '') return fail(400, { problem: 'missing' as const });
		const dir = uploadsDir(conn.path);
		const upload = readUpload(dir, token, uploadOwner(event, user));
		if (!upload || !upload.meta.confirmable || upload.file === null)
			return fail(410, { problem: 'expired' as const });
		const { meta, file } = upload;
		// The role may have changed since the preview: check again.
		if (!importKindsFor(user.role).includes(meta.kind)) deny(event, { kind: meta.kind });
		const outcome = runImport(event, user, conn, file, { ...meta, dryRun: false });
		if ('forbidden' in outcome) {
			discard(dir, token);
			return fail(403, { forbidden: outcome.forbidden });
		}
		const report = outcome.report;
		if (report.status === 'refused') {
			// The data changed since the preview (another import): keep the errors, drop the file.
			saveMeta(dir, token, {
				...meta,
				confirmable: false,
				errors: report.errors,
				errorCount: report.errorCount
			});
			discardData(dir, token);
			return fail(400, { preview: previewOf(report, token) as PreviewView });
		}
		discard(dir, token);
		if (report.status === 'unchanged')
			redirect(303, localizeHref(`/staff/imports?unchanged=${report.counts.rows}`));
		redirect(303, localizeHref(`/staff/imports?imported=${report.importId}`));
	},

	undo: async (event) => {
		const user = requireCapability(event, 'undoImport');
		const form = await event.request.formData();
		const id = Number(form.get('id'));
		if (!Number.isSafeInteger(id) || id <= 0) {
			return fail(400, {
				undo: {
					id: null,
					reason: { id: 'Nomor impor tidak valid.', en: 'Not a valid import number.' }
				}
			});
		}
		const actor = actorOf(event);
		let done: { removed: number; restored: number };
		try {
			done = undo(getConnection(), id, user.username, auditUndo(actor));
		} catch (e) {
			if (e instanceof ImportRefused) return fail(409, { undo: { id, reason: e.reason } });
			throw e;
		}
		redirect(
			303,
			localizeHref(`/staff/imports?undone=${id}&removed=${done.removed}&restored=${done.restored}`)
		);
	}
} satisfies Actions;
