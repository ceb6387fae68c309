/**
 * `npm run bench [-- <case>]`: runs every tests/bench/*.ts (except this runner) that exports
 * `run()`, or only the named case (`npm run bench -- import`). Each case prints its JSON lines.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const cases = readdirSync(dir)
	.filter((f) => f.endsWith('.ts') && f !== 'run.ts')
	.map((f) => f.slice(0, -3))
	.sort();

const unknown = wanted.filter((w) => !cases.includes(w));
if (unknown.length > 0) {
	console.error(`bench: no case ${unknown.join(', ')}; cases: ${cases.join(', ')}`);
	process.exit(2);
}

for (const name of wanted.length > 0 ? wanted : cases) {
	const mod = (await import(pathToFileURL(path.join(dir, `${name}.ts`)).href)) as {
		run?: () => Promise<void> | void;
	};
	if (typeof mod.run !== 'function') continue;
	await mod.run();
}
