import { evidenceStore } from '$lib/server/evidence';
import { buildWorkbook, buildZip } from '$lib/server/submissions/export';
import { attachment, exportSource, pdfOf } from '../exporting';
import type { RequestHandler } from './$types';

/** Every evidence file, manifest.csv (file, item, sha256), the XLSX and the PDF in one ZIP. */
export const GET: RequestHandler = async (event) => {
	const source = exportSource(event);
	const [xlsx, pdf] = await Promise.all([
		buildWorkbook(source.content, source.context),
		pdfOf(event, source)
	]);
	if (pdf instanceof Response) return pdf;
	const zip = buildZip(source.content, evidenceStore(), new Uint8Array(xlsx), new Uint8Array(pdf));
	return new Response(zip.slice().buffer as ArrayBuffer, {
		headers: attachment(`${source.stem}.zip`, 'application/zip', zip.length)
	});
};
