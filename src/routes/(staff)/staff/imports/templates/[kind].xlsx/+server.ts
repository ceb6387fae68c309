import { templateRows } from '$lib/import';
import { requireCapability } from '$lib/server/auth/guard';
import { getConnection } from '$lib/server/db';
import * as regions from '$lib/server/db/regions';
import { templateWorkbook } from '$lib/server/imports/template-workbook';
import { templateRequest } from '../request';
import type { RequestHandler } from './$types';

/**
 * The XLSX template of a kind (see `../request.ts` for what may be asked): the CSV template's rows
 * on a data sheet, and sheets listing the indicators and the regions, as an attachment.
 */
export const GET: RequestHandler = async (event) => {
	requireCapability(event, 'staff');
	const t = templateRequest(event.params.kind, event.url);
	const body = await templateWorkbook(
		t.kind,
		t.lang,
		templateRows(t.kind, t.lang, t.shape, t.codes),
		{
			indicators: t.indicators,
			regions: regions.all(getConnection())
		}
	);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${t.baseName}.xlsx"`,
			'cache-control': 'private, no-store'
		}
	});
};
