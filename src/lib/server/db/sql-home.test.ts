/**
 * Every SQL statement lives in src/lib/server/db/, so that a move to another database (PostgreSQL)
 * rewrites that folder only. This scan of src/ and scripts/ keeps it so: it fails naming each
 * file:line outside the folder that prepares a statement, runs SQL with `exec`, sets a pragma or
 * opens a SQLite connection of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const SCANNED = ['src', 'scripts'];
const SQL_HOME = 'src/lib/server/db/';
const EXTENSIONS = ['.ts', '.js', '.svelte'];

/**
 * What only db/ may do. Each pattern is matched against a whole file (a call may be split over
 * lines); `exec` is only SQL on a database handle or with an SQL string, never `RegExp#exec`.
 */
const FORBIDDEN: { what: string; pattern: RegExp }[] = [
	{ what: 'prepares a statement', pattern: /\.prepare\(/g },
	{ what: 'prepares a statement', pattern: /\bcachedStatement\(/g },
	{ what: 'sets or reads a pragma', pattern: /\.pragma\(/g },
	{
		what: 'runs SQL with exec',
		pattern: /\b(?:sqlite|db|database)\s*\.exec\(/gi
	},
	{
		what: 'runs SQL with exec',
		pattern:
			/\.exec\(\s*[`'"]\s*(?:SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|VACUUM|ATTACH|DETACH|WITH|ANALYZE|REINDEX)\b/gi
	},
	{ what: 'opens a SQLite connection', pattern: /\bnew Database\(/g }
];

function sourceFiles(dir: string): string[] {
	return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
		const rel = `${dir}/${entry.name}`;
		if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(rel);
		return EXTENSIONS.some((ext) => entry.name.endsWith(ext)) ? [rel] : [];
	});
}

/** `file:line: what (the code)` for every forbidden use outside db/, once per line and kind. */
function sqlOutsideItsHome(): string[] {
	const found = new Map<string, string>();
	for (const file of SCANNED.flatMap(sourceFiles)) {
		if (file.startsWith(SQL_HOME)) continue;
		const text = readFileSync(path.join(ROOT, file), 'utf8');
		for (const { what, pattern } of FORBIDDEN) {
			for (const match of text.matchAll(pattern)) {
				const line = text.slice(0, match.index).split('\n').length;
				const where = `${file}:${line}: ${what}`;
				if (!found.has(where)) found.set(where, `${where} (${match[0].replace(/\s+/g, ' ')})`);
			}
		}
	}
	return [...found.values()].sort();
}

describe('SQL lives in src/lib/server/db/', () => {
	it('finds the files it scans', () => {
		// A wrong root would scan nothing and pass for the wrong reason.
		const files = SCANNED.flatMap(sourceFiles);
		expect(files).toContain('src/lib/server/scores.ts');
		expect(files).toContain('scripts/backup.ts');
	});

	it('has no statement, exec, pragma or connection outside it', () => {
		expect(sqlOutsideItsHome()).toEqual([]);
	});
});
