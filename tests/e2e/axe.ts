/**
 * The accessibility audit every public page passes: axe-core, no serious or critical violation.
 * One helper, so every spec audits the same way.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures';

/**
 * The serious and critical violations on the page as it is now, one line each with the
 * elements: `"color-contrast: main > p.note, …"`.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
	// axe on a long page takes seconds on a busy 2-core machine: room, not a timing.
	test.setTimeout(120_000);
	// Every rule still runs on every element; only the passes are not written out. Building a
	// selector for each passing node is most of axe's time on a long page (the /data matrix).
	const result = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Fails the test with the list of serious and critical violations, if there is one. */
export async function expectNoSeriousViolations(page: Page): Promise<void> {
	expect(await seriousViolations(page)).toEqual([]);
}
