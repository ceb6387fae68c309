import { attachment, exportSource, pdfOf } from '../exporting';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const source = exportSource(event);
	const pdf = await pdfOf(event, source);
	if (pdf instanceof Response) return pdf;
	return new Response(new Uint8Array(pdf), {
		headers: attachment(`${source.stem}.pdf`, 'application/pdf', pdf.length)
	});
};
