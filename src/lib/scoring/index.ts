/**
 * Public API of the scoring engine (pure TypeScript: runs in the server, the browser and CLI
 * scripts). See engine.ts for the entry point `scoreFramework`.
 */
export * from './types.ts';
export {
	scoreMinmax,
	scoreTarget,
	scoreBands,
	scoreLevel,
	bandPoints,
	percentOfBenchmark,
	scoreValue,
	nullReason,
	BAND_EDGES,
	type ScoringSpec
} from './normalise.ts';
export {
	aggregate,
	aggregateArrays,
	COVERAGE_EPSILON,
	type AggregateOptions,
	type AggregateResult,
	type ChildScore
} from './aggregate.ts';
export {
	selectTarget,
	indicatorTrend,
	trendFromEnds,
	groupTrend,
	TREND_POINTS,
	type YearValue
} from './trend.ts';
export { rate, rateScore, BAND_EPSILON, SCORE_DECIMALS } from './rating.ts';
export { competitionRanks, mulberry32, percentileSorted, rankIntervalsFromDraws } from './rank.ts';
export {
	parseProfile,
	parseSettings,
	serialiseSettings,
	ProfileError,
	DEFAULT_SETTINGS,
	DEFAULT_RATING_BANDS,
	SPBE_PREDIKAT_BANDS,
	type Profile,
	type ProfileSettings,
	type ProfileIssue,
	type TrendSettings,
	type SensitivitySettings,
	type PredikatBand
} from './profile.ts';
export {
	spbeAspectIndex,
	spbeDomainIndex,
	spbeIndex,
	spbePredikat,
	roundIndex,
	computeSpbe,
	spbeImprovements,
	spbeStructureFromFramework,
	type SpbeStructure,
	type SpbeResult,
	type SpbeImprovement
} from './spbe.ts';
export { compileFramework, ScoringInputError } from './compile.ts';
export { scoreFramework, ScoreResult, type EngineInput } from './engine.ts';
export { indicatorScoresOf } from './views.ts';
export {
	toApiScores,
	apiScores,
	type ApiScores,
	type ApiDimension,
	type ApiElement,
	type ApiIndicator,
	type ApiRating
} from './api.ts';
export {
	methodologyText,
	type Methodology,
	type MethodologySection,
	type Bilingual
} from './methodology.ts';
