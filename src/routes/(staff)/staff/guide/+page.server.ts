import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { marked } from 'marked';
import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

// The guide is kept as Markdown in docs/ (readable on its own in the repository) and rendered
// here for signed-in staff. It is this project's own text, never user input.
const FILES = { id: 'docs/panduan-staf.md', en: 'docs/staff-guide.md' } as const;

export const load = (async (event) => {
	requireUser(event);
	const locale = getLocale() === 'en' ? 'en' : 'id';
	const text = await readFile(path.resolve(FILES[locale]), 'utf8');
	return { html: await marked.parse(text, { gfm: true }) };
}) satisfies PageServerLoad;
