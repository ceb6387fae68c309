import { m } from '$lib/paraglide/messages';
import { PAYLOAD_FIELD, parseTablePayload } from '$lib/downloads/payload';
import { payloadWorkbook } from '$lib/server/downloads/xlsx';
import type { RequestHandler } from './$types';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The page the form was on, for the workbook's about sheet: only an address of this site. */
function pageOf(referer: string | null, origin: string): string | undefined {
	if (!referer) return undefined;
	try {
		return new URL(referer).origin === origin ? referer : undefined;
	} catch {
		return undefined;
	}
}

/**
 * A chart's table as XLSX, posted by the chart frame's "Data (XLSX)" form (works without
 * JavaScript). Anyone may call it: it writes back the numbers it is sent and reads nothing
 * stored. The cross-site form check (src/lib/server/csrf.ts) turns away a form posted from another site.
 */
export const POST: RequestHandler = async ({ request, url }) => {
	const form = await request.formData().catch(() => null);
	const text = form?.get(PAYLOAD_FIELD);
	const parsed =
		typeof text === 'string'
			? parseTablePayload(text)
			: { ok: false as const, problem: 'no table' };
	if (!parsed.ok) {
		return new Response(m.dl_error_table({ problem: parsed.problem }), {
			status: 400,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	const { filename, body } = await payloadWorkbook(parsed.payload, {
		date: new Date().toISOString().slice(0, 10),
		url: pageOf(request.headers.get('referer'), url.origin)
	});
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': XLSX_TYPE,
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'no-store'
		}
	});
};
