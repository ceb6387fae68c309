import { buildWorkbook } from '$lib/server/submissions/export';
import { attachment, exportSource } from '../exporting';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const source = exportSource(event);
	const xlsx = await buildWorkbook(source.content, source.context);
	return new Response(new Uint8Array(xlsx), {
		headers: attachment(
			`${source.stem}.xlsx`,
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			xlsx.length
		)
	});
};
