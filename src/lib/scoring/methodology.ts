/**
 * The methodology in words and formulas, built from the same settings and constants the engine
 * uses, so the /methodology page cannot drift from the numbers.
 */
import { COVERAGE_EPSILON } from './aggregate.ts';
import { BAND_EDGES } from './normalise.ts';
import { DEFAULT_SETTINGS, SPBE_PREDIKAT_BANDS, type ProfileSettings } from './profile.ts';

export interface Bilingual {
	id: string;
	en: string;
}

export interface MethodologySection {
	key: string;
	title: Bilingual;
	/** The formula in each language (its words and decimal marks), or null. */
	formula: Bilingual | null;
	text: Bilingual;
}

export interface Methodology {
	sections: MethodologySection[];
	limits: Bilingual[];
}

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;
const idNum = (x: number) => String(x).replace('.', ',');

/**
 * Formulas, rules and limits of the scoring for a profile's settings, in Indonesian and English.
 * @example methodologyText(profile.settings).sections.find((s) => s.key === 'coverage')?.text.en
 */
export function methodologyText(settings: ProfileSettings = DEFAULT_SETTINGS): Methodology {
	const s = settings;
	const [e1, e2, e3] = BAND_EDGES;
	const bands = s.ratingBands.map((b, i) => {
		const upper = i === 0 ? 'ke atas' : `– < ${s.ratingBands[i - 1].min}`;
		const upperEn = i === 0 ? 'and above' : `– < ${s.ratingBands[i - 1].min}`;
		return { id: `${b.labelId} (${b.min} ${upper})`, en: `${b.labelEn} (${b.min} ${upperEn})` };
	});
	const cf = s.carryForwardYears;
	const t = s.trend;
	const sens = s.sensitivity;
	const predikat = s.spbePredikat ?? SPBE_PREDIKAT_BANDS;
	const sections: MethodologySection[] = [
		{
			key: 'name',
			title: { id: 'Apa yang diukur indeks ini', en: 'What this index measures' },
			formula: null,
			text: {
				id: 'Indeks Rapor Cerdas adalah indeks indikator 0–100 buatan proyek ini: statistik yang diterbitkan (BPS, instansi pemerintah, berita yang mengutip keduanya) dinormalisasi lalu dirata-ratakan menurut enam dimensi Gerakan Menuju 100 Smart City. Indeks ini bukan nilai evaluasi Kominfo. Kominfo menilai bagaimana daerah melaksanakan masterplan smart city-nya (Baseline, Output, Outcome, Impact, Quick Win, dan sejak 2023 Kolaborasi) dengan skala 0–4, oleh asesornya; hasil resmi itu ditampilkan terpisah dan tidak masuk ke indeks ini.',
				en: "The Rapor Cerdas index is this project's own 0–100 indicator index: published statistics (BPS, government bodies, news quoting them) are normalised and averaged by the six dimensions of the Movement Towards 100 Smart Cities. It is not Kominfo's evaluation score. Kominfo scores how a region carries out its smart-city masterplan (Baseline, Output, Outcome, Impact, Quick Win, and from 2023 Kolaborasi) on a 0–4 scale, by its assessors; those official results are shown apart and never enter this index."
			}
		},
		{
			key: 'minmax',
			title: { id: 'Normalisasi min–maks', en: 'Min–max normalisation' },
			formula: {
				id: 'skor = clamp((x − terburuk) / (terbaik − terburuk) × 100, 0, 100)',
				en: 'score = clamp((x − worst) / (best − worst) × 100, 0, 100)'
			},
			text: {
				id: 'Nilai pada batas terburuk diberi skor 0 dan pada batas terbaik 100; di luar batas dipotong. Untuk indikator yang makin kecil makin baik, batas terbaik lebih kecil dari batas terburuk, sehingga rumus yang sama berlaku.',
				en: 'A value at the worst bound scores 0 and at the best bound 100; values beyond the bounds are clamped. For lower-is-better indicators the best bound is below the worst, so the same formula applies.'
			}
		},
		{
			key: 'target',
			title: { id: 'Jarak ke target', en: 'Distance to target' },
			formula: {
				id: `makin tinggi makin baik: x / target × 100; makin rendah makin baik: target / x × 100; batas atas ${idNum(s.targetCap)}`,
				en: `higher is better: x / target × 100; lower is better: target / x × 100; capped at ${s.targetCap}`
			},
			text: {
				id: `Seperti dasbor SDGs Bappenas: 100 berarti target daerah untuk tahun itu tercapai (target tahun itu; jika tidak ada, target tahun berikutnya yang terdekat; jika tidak ada, target terakhir). Skor di atas target dibatasi ${s.targetCap}. Bila rasio tidak terdefinisi (target ≤ 0 untuk indikator naik, nilai ≤ 0 untuk indikator turun), skor 100 jika target tercapai dan 0 jika tidak.`,
				en: `As in Bappenas's SDG dashboard: 100 means the region's target for that year is met (that year's target; if none, the nearest later one; if none, the last earlier one). Scores above target are capped at ${s.targetCap}. Where the ratio is undefined (target ≤ 0 for higher-is-better, value ≤ 0 for lower-is-better) the score is 100 if the target is met and 0 if not.`
			}
		},
		{
			key: 'bands',
			title: { id: 'Pita U4SSC', en: 'U4SSC bands' },
			formula: {
				id: `p = x / acuan × 100 (makin rendah makin baik: acuan / x × 100); poin = 1 (p < ${idNum(e1)}), 2 (${idNum(e1)}–${idNum(e2)}), 3 (${idNum(e2)}–${idNum(e3)}), 4 (≥ ${idNum(e3)}); skor = poin / 4 × 100`,
				en: `p = x / benchmark × 100 (lower is better: benchmark / x × 100); points = 1 (p < ${e1}), 2 (${e1}–${e2}), 3 (${e2}–${e3}), 4 (≥ ${e3}); score = points / 4 × 100`
			},
			text: {
				id: 'Nilai dinyatakan sebagai persen dari benchmark dan diberi poin 1–4 seperti KPI U4SSC (nilai tepat di batas masuk pita atas). Skor = poin / 4 × 100 (25, 50, 75, 100), sehingga rata-rata berbobot sama menghasilkan skor kelompok U4SSC Σ poin / (4 × KPI).',
				en: 'The value is expressed as a percentage of the benchmark and given 1–4 points as in the U4SSC KPIs (a value on an edge falls in the upper band). Score = points / 4 × 100 (25, 50, 75, 100), so an equal-weight mean reproduces U4SSC’s group score Σ points / (4 × KPIs).'
			}
		},
		{
			key: 'level',
			title: { id: 'Tingkat kapabilitas', en: 'Capability levels' },
			formula: { id: 'skor = (level − 1) / 4 × 100', en: 'score = (level − 1) / 4 × 100' },
			text: {
				id: 'Level 1–5 (SPBE) dipetakan linear ke 0–100, sehingga rata-rata berbobot skor = (indeks − 1) / 4 × 100.',
				en: 'Levels 1–5 (SPBE) map linearly to 0–100, so a weighted mean of the scores equals (index − 1) / 4 × 100.'
			}
		},
		{
			key: 'value_year',
			title: { id: 'Nilai yang dipakai', en: 'Which value counts' },
			formula: null,
			text:
				cf === 0
					? {
							id: 'Hanya nilai tahun penilaian yang dipakai.',
							en: 'Only the value of the assessment year counts.'
						}
					: {
							id: `Nilai tahun penilaian; jika tidak ada, nilai terakhir dalam ${cf} tahun sebelumnya, ditandai "dibawa maju" dengan tahunnya. Nilai tidak dibawa melintasi perubahan dasar penghitungan (misalnya umur harapan hidup BPS sejak 2024). Tidak ada nilai yang dihitung, diinterpolasi atau ditebak: yang tidak diterbitkan tetap kosong.`,
							en: `The assessment year's value; if missing, the latest value of the ${cf} years before, marked "carried forward" with its year. No value is carried across a change of basis (BPS life expectancy from 2024, say). No value is computed, interpolated or guessed: what is not published stays empty.`
						}
		},
		{
			key: 'aggregation',
			title: { id: 'Agregasi', en: 'Aggregation' },
			formula:
				s.aggregation === 'arithmetic'
					? { id: 'skor = Σ wᵢ sᵢ / Σ wᵢ', en: 'score = Σ wᵢ sᵢ / Σ wᵢ' }
					: {
							id: `skor = exp(Σ wᵢ ln max(sᵢ, ${idNum(s.geometricFloor)}) / Σ wᵢ)`,
							en: `score = exp(Σ wᵢ ln max(sᵢ, ${s.geometricFloor}) / Σ wᵢ)`
						},
			text:
				s.aggregation === 'arithmetic'
					? {
							id: 'Elemen, dimensi dan indeks komposit adalah rata-rata aritmetika berbobot dari anak yang berskor (kompensatoris: nilai baik menutup nilai buruk).',
							en: 'Elements, dimensions and the composite are weighted arithmetic means of their scored children (compensatory: a good score offsets a poor one).'
						}
					: {
							id: `Elemen, dimensi dan indeks komposit adalah rata-rata geometrik berbobot dari anak yang berskor; skor di bawah ${idNum(s.geometricFloor)} dinaikkan ke ${idNum(s.geometricFloor)} agar satu nilai 0 tidak membuat seluruh kelompok 0.`,
							en: `Elements, dimensions and the composite are weighted geometric means of their scored children; scores below ${s.geometricFloor} are raised to ${s.geometricFloor} so a single 0 does not zero the group.`
						}
		},
		{
			key: 'coverage',
			title: { id: 'Kelengkapan data', en: 'Coverage rule' },
			formula: {
				id: `cakupan = Σ w (anak berskor) / Σ w (semua anak, w > 0) ≥ ${idNum(s.minCoverage)}`,
				en: `coverage = Σ w (scored children) / Σ w (all children, w > 0) ≥ ${s.minCoverage}`
			},
			text: {
				id: `Kelompok (elemen, dimensi) hanya diberi skor jika anak yang berskor membawa sedikitnya ${pct(s.minCoverage)} dari bobotnya, dan sebuah dimensi hanya jika tidak lebih dari ${pct(s.maxCarriedShare)} bobotnya berasal dari nilai tahun sebelumnya (sebuah elemen boleh memakai nilai tahun sebelumnya, dengan tanda); jika tidak, halaman menulis "Data belum cukup" dan menyebut indikator yang belum bernilai beserta OPD-nya, bukan angka 0. Indeks Rapor Cerdas dan peringkat hanya dihitung bila cakupan dimensinya sedikitnya ${pct(s.compositeMinCoverage)}${s.compositeMinCoverage >= 1 ? ', yaitu bila setiap dimensi punya skor' : ''}. Indikator berbobot 0 adalah indikator konteks: ditampilkan, tidak diberi skor, tidak dihitung dalam cakupan. (Toleransi pembulatan ${COVERAGE_EPSILON}.)`,
				en: `A group (element, dimension) is scored only when its scored children carry at least ${pct(s.minCoverage)} of its weight, and a dimension only when no more than ${pct(s.maxCarriedShare)} of its weight comes from values of earlier years (an element may use an earlier year's value, marked); otherwise the page says "Not enough data yet" and lists the indicators without a value and their OPD, never 0. The Rapor Cerdas index and ranks are computed only when the dimensions' coverage is at least ${pct(s.compositeMinCoverage)}${s.compositeMinCoverage >= 1 ? ', that is when every dimension has a score' : ''}. Weight-0 indicators are context indicators: shown, not scored, not counted in coverage. (Rounding tolerance ${COVERAGE_EPSILON}.)`
			}
		},
		{
			key: 'applicability',
			title: { id: 'Indikator yang belum berlaku', en: 'Indicators not yet applicable' },
			formula: null,
			text: {
				id: 'Sebagian indikator baru ada sejak tahun tertentu (misalnya merchant QRIS sejak 2020, indeks ETPD sejak 2021). Pada tahun penilaian sebelum tahun berlakunya, indikator itu "tidak berlaku": skornya kosong dan bobotnya dikeluarkan dari bobot berskor maupun bobot total kelompoknya, seperti indikator konteks, sehingga tidak menurunkan cakupan. Nilai dari tahun sebelum indikator berlaku tidak dipakai, tidak dibawa maju, dan tidak masuk perhitungan tren. Kelompok yang semua anak berbobotnya tidak berlaku (atau indikator konteks) pada suatu tahun juga tidak berlaku: skor kosong, cakupan 0, dan bobotnya dikeluarkan dari kelompok induknya.',
				en: 'Some indicators exist only from a given year (QRIS merchants from 2020, the ETPD index from 2021, for example). In an assessment year before that, the indicator is "not applicable": its score is empty and its weight is left out of both the scored and the total weight of its group, like a context indicator, so it does not lower coverage. Values from before the indicator applies are not used, not carried forward and not counted in trends. A group all of whose weighted children are not applicable (or context) in a year is itself not applicable: empty score, coverage 0, and its weight is left out of its parent.'
			}
		},
		{
			key: 'rating',
			title: { id: 'Peringkat warna', en: 'Rating bands' },
			formula: null,
			text: {
				id: `Pita: ${bands.map((b) => b.id).join('; ')}. Skor tepat di batas masuk pita atas.`,
				en: `Bands: ${bands.map((b) => b.en).join('; ')}. A score on an edge belongs to the upper band.`
			}
		},
		{
			key: 'trend',
			title: { id: 'Tren (SDSN)', en: 'Trend (SDSN)' },
			formula: {
				id: 'rasio = [(x_akhir − x_awal) / (t_akhir − t_awal)] / [(target − x_awal) / max(t_target − t_awal, 1)]',
				en: 'ratio = [(x_last − x_first) / (t_last − t_first)] / [(target − x_first) / max(t_target − t_first, 1)]'
			},
			text: {
				id: `Dari nilai pertama dan terakhir yang teramati dalam ${t.years} tahun terakhir (minimal ${t.minPoints} nilai; nilai yang dibawa maju tidak dihitung): rasio ≥ ${idNum(t.onTrackRatio)} sesuai jalur, > ${idNum(t.moderateRatio)} membaik moderat, 0–${idNum(t.moderateRatio)} stagnan, < 0 menurun; arah mengikuti polaritas. Nilai terakhir yang sudah mencapai target = sesuai jalur. Target hanya diambil dari dokumen perencanaan (RPJMD, RPD, Renstra, RKPD, SPM) dengan halaman atau tabelnya. Tanpa target, tren hanya menunjukkan arah: perubahan tahunan dalam ${pct(t.stableBand)} rentang batas penilaian = tetap, di atasnya membaik atau memburuk menurut polaritas; tidak pernah "sesuai jalur". Jendela tren tidak melintasi perubahan dasar penghitungan. Data kurang: "tahun terlalu sedikit". Tren kelompok: rata-rata berbobot poin anak yang bertarget (sesuai jalur 3, moderat 2, stagnan 1, menurun 0), dibulatkan, bila anak bertarget membawa ${pct(s.minCoverage)} bobot; selain itu arah rata-rata anak (membaik +1, tetap 0, memburuk −1).`,
				en: `From the first and last observed values in the last ${t.years} years (at least ${t.minPoints} values; carried-forward values do not count): ratio ≥ ${t.onTrackRatio} on track, > ${t.moderateRatio} moderately improving, 0–${t.moderateRatio} stagnating, < 0 decreasing; direction follows polarity. A latest value already at target is on track. Targets come only from planning documents (RPJMD, RPD, Renstra, RKPD, SPM) with their page or table. Without a target, the trend shows the direction only: an annual change within ${pct(t.stableBand)} of the scoring range is stable, beyond it improving or worsening by polarity; never "on track". No trend window runs across a change of basis. Too little data: "too few years". Group trend: the weighted mean of the points of children with a target (on track 3, moderate 2, stagnating 1, decreasing 0), rounded, when those carry ${pct(s.minCoverage)} of the weight; otherwise the children's mean direction (improving +1, stable 0, worsening −1).`
			}
		},
		{
			key: 'rank',
			title: { id: 'Peringkat dan rentang peringkat', en: 'Rank and rank interval' },
			formula: null,
			text: {
				id: `Peringkat 1 = skor komposit tertinggi di antara daerah yang dibandingkan; skor sama berbagi peringkat. Rentang peringkat dari analisis sensitivitas Monte Carlo: ${sens.draws} undian bobot dimensi (masing-masing × U(${idNum(1 - sens.weightSpread)}, ${idNum(1 + sens.weightSpread)}), seed ${sens.seed})${sens.includeGeometric ? ', bergantian agregasi aritmetika dan geometrik' : ''}; rentang = persentil ke-${sens.percentiles[0]} sampai ke-${sens.percentiles[1]}, diperlebar agar memuat peringkat utama. Hanya daerah yang memiliki skor komposit yang diberi peringkat dan rentang; dalam setiap undian, daerah yang tidak berskor pada undian itu tidak diberi peringkat. Selisih 2–3 peringkat umumnya bukan perbedaan nyata.`,
				en: `Rank 1 = the highest composite among the regions compared; equal scores share a rank. Rank interval from a Monte Carlo sensitivity analysis: ${sens.draws} draws of the dimension weights (each × U(${1 - sens.weightSpread}, ${1 + sens.weightSpread}), seed ${sens.seed})${sens.includeGeometric ? ', alternating arithmetic and geometric aggregation' : ''}; interval = ${sens.percentiles[0]}th to ${sens.percentiles[1]}th percentile, widened to include the main rank. Only regions with a composite score get a rank and an interval; in each draw, a region the draw leaves unscored is not ranked. Differences of 2–3 places are usually not meaningful.`
			}
		},
		{
			key: 'spbe',
			title: { id: 'Indeks SPBE (PermenPANRB 59/2020)', en: 'SPBE index (PermenPANRB 59/2020)' },
			formula: {
				id: 'aspek = Σ(level × bobot indikator) / bobot aspek; domain = Σ(indeks aspek × bobot aspek) / bobot domain; indeks = Σ(indeks domain × bobot domain) / 100',
				en: 'aspect = Σ(level × indicator weight) / aspect weight; domain = Σ(aspect index × aspect weight) / domain weight; index = Σ(domain index × domain weight) / 100'
			},
			text: {
				id: `Predikat (dari indeks dibulatkan dua desimal, nilai tepat di batas masuk pita atas): ${predikat.map((b) => `${b.labelId} ≥ ${idNum(b.min)}`).join('; ')}.`,
				en: `Predikat (from the index rounded to two decimals; an index on an edge falls in the upper band): ${predikat.map((b) => `${b.labelId} (${b.labelEn}) ≥ ${b.min}`).join('; ')}.`
			}
		}
	];
	const limits: Bilingual[] = [
		{
			id: 'Tidak ada daftar indikator resmi per elemen GM100SC; himpunan indikator ini adalah operasionalisasi proyek sendiri.',
			en: 'There is no official indicator list per GM100SC element; this indicator set is the project’s own operationalisation.'
		},
		{
			id: 'Skor bergantung pada batas (worst/best), target dan bobot yang dipilih; batas dan bobot yang berbeda memberi skor dan peringkat yang berbeda.',
			en: 'Scores depend on the chosen bounds (worst/best), targets and weights; other bounds and weights give other scores and ranks.'
		},
		{
			id: 'Agregasi aritmetika bersifat kompensatoris: kelemahan di satu indikator dapat tertutup oleh kekuatan di indikator lain.',
			en: 'Arithmetic aggregation is compensatory: weakness in one indicator can be hidden by strength in another.'
		},
		{
			id: 'Instance bawaan hanya memuat angka yang diterbitkan dengan sumbernya. Nilai ilustratif hanya ada di mode demo (npm run demo), ditandai di setiap halaman, dan tidak boleh dibaca sebagai fakta.',
			en: 'The default instance holds published, sourced figures only. Illustrative values exist only in the demo mode (npm run demo), are flagged on every page and must not be read as facts.'
		},
		{
			id: 'Banyak angka dikutip berita dari BPS atau instansi; sumber yang lemah dan sumber yang tidak sepakat disebut di catatan nilai dan di halaman indikator.',
			en: 'Many figures are news reports quoting BPS or a government office; weak sources and sources that disagree are named in the value notes and on the indicator page.'
		},
		{
			id: 'Tren dihitung dari dua titik (nilai pertama dan terakhir dalam jendela), sehingga peka terhadap tahun yang tidak biasa.',
			en: 'Trends use two points (the first and last values in the window), so they are sensitive to unusual years.'
		},
		{
			id: 'Peringkat hanya berlaku di antara daerah yang dibandingkan dan untuk data yang tersedia.',
			en: 'Ranks hold only among the regions compared and for the data available.'
		}
	];
	return { sections, limits };
}
