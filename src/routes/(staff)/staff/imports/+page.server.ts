import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { IMPORT_KINDS, kindSchemas, type ImportKind, type Locale } from '$lib/import';
import { getConnection, type Connection } from '$lib/server/db';
import * as frameworks from '$lib/server/db/frameworks';
import * as importHistory from '$lib/server/db/import-history';
import * as indicators from '$lib/server/db/indicators';
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
import { ImportForbidden, ImportRefused } from '$lib/server/imports/errors';
import { importLimits } from '$lib/server/imports/limits';
import {
	confirmImport,
	previewImport,
	undoImport,
	type ConfirmResult,
	type PreviewResult,
	type UploadSettings
} from '$lib/server/imports/service';
import { uploadOwner } from '$lib/server/imports/uploads';
import { localizeHref } from '$lib/localize-href';
import { pageOf } from '../paging';
import { cleanFileName, previewOf, type PreviewView } from './preview';
import { config } from '$lib/server/config';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 20;

const LOCALES = ['auto', 'id', 'en'] as const;

/** Every region, for the upload form's default-region menu. */
function regionCodes(conn: Connection): { code: string; name: string }[] {
	return regions.all(conn).map(({ code, name }) => ({ code, name }));
}

/** Every indicator, for the upload form's menu of one indicator for the whole file. */
function indicatorChoices(conn: Connection): { code: string; nameId: string; nameEn: string }[] {
	return indicators.list(conn.db).map(({ code, nameId, nameEn }) => ({ code, nameId, nameEn }));
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
		indicators: indicatorChoices(conn),
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
			// The columns a file may have in place of one (region_name) are documented after them.
			columns: [...kindSchemas[k].columns, ...(kindSchemas[k].alternates ?? [])].map((c) => ({
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

/**
 * This user's side of an upload: a produsen may write only indicators of their own OPD, a
 * perencana only targets (the service asks per indicator the file names, inside the
 * transaction); the kinds are the role's.
 */
function uploadSettings(event: RequestEvent, user: SessionUser): UploadSettings {
	const kinds = importKindsFor(user.role);
	return {
		owner: uploadOwner(event, user),
		mayImport: (kind) => kinds.includes(kind),
		mayEdit: ({ opd }, kind) => (kind === 'targets' ? mayEditTargets : mayEditValues)(user, opd),
		limits: importLimits(),
		allowIllustrative: config().demo
	};
}

/** A file naming another OPD's indicators is a denial of this action, recorded as such. */
function recordForbidden(
	event: RequestEvent,
	user: SessionUser,
	action: 'preview' | 'confirm',
	e: ImportForbidden
) {
	recordAudit(getConnection(), actorOf(event), {
		action: 'auth.denied',
		entityType: 'route',
		entityId: `POST ${event.route.id} ?/${action}`,
		after: {
			role: user.role,
			opd: user.opd,
			kind: e.kind,
			fileName: e.fileName,
			indicators: e.indicators.slice(0, 20)
		}
	});
}

const MB = 1024 * 1024;
/** A source is a URL or a document and its table: longer is a paste gone wrong. */
const MAX_SOURCE_CHARS = 500;
const MAX_SHEET_CHARS = 100;

export const actions = {
	preview: async (event) => {
		const user = requireCapability(event, 'importData');
		const conn = getConnection();
		const settings = uploadSettings(event, user);
		const { limits } = settings;
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
			region: String(form.get('region') ?? ''),
			indicator: String(form.get('indicator') ?? ''),
			source: String(form.get('source') ?? '').trim(),
			sheet: String(form.get('sheet') ?? '').trim()
		};
		const file = form.get('file');
		if (!(file instanceof File) || file.name === '')
			return fail(400, { values, problem: 'missing' as const });
		if (values.kind !== 'auto' && !settings.mayImport(values.kind as ImportKind)) {
			if ((IMPORT_KINDS as readonly string[]).includes(values.kind))
				deny(event, { kind: values.kind });
			return fail(400, { values, problem: 'kind' as const });
		}
		if (!(LOCALES as readonly string[]).includes(values.locale))
			return fail(400, { values, problem: 'locale' as const });
		if (values.region !== '' && !regionCodes(conn).some((r) => r.code === values.region))
			return fail(400, { values, problem: 'region' as const });
		if (values.indicator !== '' && !indicatorChoices(conn).some((i) => i.code === values.indicator))
			return fail(400, { values, problem: 'indicator' as const });
		if (values.source.length > MAX_SOURCE_CHARS)
			return fail(400, { values, problem: 'source' as const });
		// Excel allows 31 characters; more is not a sheet name.
		if (values.sheet.length > MAX_SHEET_CHARS)
			return fail(400, { values, problem: 'sheet' as const });

		let result: PreviewResult;
		try {
			result = await previewImport(
				conn,
				{
					name: cleanFileName(file.name),
					size: file.size,
					body: file.stream() as unknown as AsyncIterable<Uint8Array>
				},
				actorOf(event),
				{
					...settings,
					kind: values.kind === 'auto' ? null : (values.kind as ImportKind),
					locale: values.locale === 'auto' ? null : (values.locale as Locale),
					defaultRegion: values.region || null,
					fileSource: values.source ? { source: values.source } : null,
					fileIndicator: values.indicator || null,
					sheet: values.sheet || null
				}
			);
		} catch (e) {
			if (e instanceof ImportForbidden) {
				recordForbidden(event, user, 'preview', e);
				return fail(403, { values, forbidden: e.indicators });
			}
			if (e instanceof ImportRefused)
				return fail(400, { values, problem: 'kind' as const, detail: e.message });
			throw e;
		}
		if ('problem' in result) {
			if (result.problem === 'too-large')
				return fail(413, { values, tooLarge: { maxMb: limits.maxBytes / MB } });
			return fail(400, { values, problem: 'kind' as const });
		}
		const preview = previewOf(result.report, result.token);
		if (result.report.status === 'refused') return fail(400, { values, preview });
		return { values, preview };
	},

	confirm: async (event) => {
		const user = requireCapability(event, 'importData');
		const form = await event.request.formData();
		const token = String(form.get('token') ?? '');
		if (token === '') return fail(400, { problem: 'missing' as const });
		let result: ConfirmResult;
		try {
			result = confirmImport(getConnection(), token, actorOf(event), uploadSettings(event, user));
		} catch (e) {
			if (!(e instanceof ImportForbidden)) throw e;
			recordForbidden(event, user, 'confirm', e);
			return fail(403, { forbidden: e.indicators });
		}
		if ('problem' in result) {
			if (result.problem === 'expired') return fail(410, { problem: 'expired' as const });
			deny(event, { kind: result.kind });
		}
		const { report, token: kept } = result;
		if (report.status === 'refused')
			return fail(400, { preview: previewOf(report, kept) as PreviewView });
		if (report.status === 'unchanged')
			redirect(303, localizeHref(`/staff/imports?unchanged=${report.counts.rows}`));
		redirect(303, localizeHref(`/staff/imports?imported=${report.importId}`));
	},

	undo: async (event) => {
		requireCapability(event, 'undoImport');
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
		let done: { removed: number; restored: number };
		try {
			done = undoImport(getConnection(), id, actorOf(event));
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
