/**
 * CSV import: decode, detect dialect and shape, parse, validate against declared schemas.
 * Pure: no SvelteKit, no database. The caller commits the typed rows.
 */
export * from './types';
export { kindSchemas, findColumn, normaliseLabel } from './schemas';
export type { ColumnDecl, ColumnType, KindSchema, WideRole } from './schemas';
export { parseNumber, formatNumber, MAX_MAGNITUDE } from './number';
export type { NumberError } from './number';
export { detectDialect, detectLineEnding, localeOfDelimiter, columnLetter } from './dialect';
export { ByteDecoder, ByteFeed, decodeBytes, sniff } from './decode';
export type { DecodeProblem } from './decode';
export { emptyContext, addRowsToContext } from './context';
export { RegionNameIndex, normaliseRegionName, preferredKinds, editDistance } from './region-match';
export type { RegionCandidate, RegionNameMatch } from './region-match';
export {
	validateCsv,
	validateCsvStream,
	unescapeFormula,
	DEFAULT_MAX_ERRORS,
	ValidationEngine
} from './validate';
export { detached } from './cells';
export type { StreamOptions } from './validate';
export { templateCsv, templateRows, toCsv } from './export';
export type { TemplateCodes } from './export';
