#!/usr/bin/env node
// `npm start`: builds the app when build/ (or BUILD_DIR, which the tests and benchmarks set) is
// missing or older than the sources, then serves it.
// The database is created, migrated and seeded by the server's start-up hook (src/hooks.server.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

function newestMtime(entry) {
	if (!existsSync(entry)) return 0;
	const stat = statSync(entry);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const name of readdirSync(entry)) {
		newest = Math.max(newest, newestMtime(path.join(entry, name)));
	}
	return newest;
}

const built = path.resolve(root, process.env.BUILD_DIR || 'build', 'index.js');
const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];
const stale = !existsSync(built) || Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
if (stale) {
	console.log(
		existsSync(built) ? 'Sources changed: rebuilding…' : 'First start: building the app…'
	);
	const result = spawnSync(
		process.execPath,
		[path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
		{
			stdio: 'inherit'
		}
	);
	if (result.status !== 0) {
		console.error('Build failed: see the messages above.');
		process.exit(result.status ?? 1);
	}
}

// adapter-node assumes https when ORIGIN is unset, which would make every form post on a plain
// http://localhost fail SvelteKit's origin check.
process.env.PORT ||= '3000';
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;
// adapter-node refuses bodies over BODY_SIZE_LIMIT (512K by default): let an upload of the import
// size limit (IMPORT_MAX_BYTES, 50 MB by default) through, plus 1 MB for the rest of the form.
// The import page then gives its own clear message for a file over IMPORT_MAX_BYTES.
const importMaxBytes = Number(process.env.IMPORT_MAX_BYTES) || 50 * 1024 * 1024;
process.env.BODY_SIZE_LIMIT ||= String(importMaxBytes + 1024 * 1024);
await import(built);
