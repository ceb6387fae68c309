/** Frameworks (GM100SC, SPBE), versioned by year, and their trees of nodes. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from './index';
import { frameworkNodes, frameworks } from './schema';

export function list(db: Db) {
	return db.select().from(frameworks).orderBy(asc(frameworks.code)).all();
}

export function get(db: Db, code: string) {
	return db.select().from(frameworks).where(eq(frameworks.code, code)).get();
}

/** Every node of a framework, parents before children, in display order. */
export function nodes(db: Db, frameworkCode: string) {
	return db
		.select()
		.from(frameworkNodes)
		.where(eq(frameworkNodes.frameworkCode, frameworkCode))
		.orderBy(asc(frameworkNodes.sortOrder), asc(frameworkNodes.code))
		.all();
}
