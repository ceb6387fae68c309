/** Regions: the Kemendagri hierarchy of provinsi → kabupaten/kota → kecamatan. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from './index';
import { regions } from './schema';

export function list(db: Db) {
	return db.select().from(regions).orderBy(asc(regions.code)).all();
}

export function get(db: Db, code: string) {
	return db.select().from(regions).where(eq(regions.code, code)).get();
}
