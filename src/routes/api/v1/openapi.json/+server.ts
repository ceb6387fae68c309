import { json } from '@sveltejs/kit';
import { openApiDocument } from '$lib/server/openapi';
import type { RequestHandler } from './$types';

/** The OpenAPI 3.1 description of this API. */
export const GET: RequestHandler = ({ url }) => json(openApiDocument(url.origin));
