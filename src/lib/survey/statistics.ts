/**
 * The statistics of the residents' survey: a mean with its 95 % confidence interval by Student's
 * t, mean ± t(0.975, n − 1) · s / √n, with s the sample standard deviation (divisor n − 1). The
 * t quantile is computed, not looked up, so every n gets its own (a table stops at 30 or 120).
 * Pure module: no Svelte, no SvelteKit, no database.
 */

/** A mean of scores with what it rests on; `low`/`high` are null when n < 2 (no spread to use). */
export interface MeanSummary {
	n: number;
	mean: number | null;
	/** Sample standard deviation (divisor n − 1); null when n < 2. */
	sd: number | null;
	low: number | null;
	high: number | null;
}

/** log Γ(x) for x > 0 (Lanczos, g = 7, nine terms: about 15 significant digits). */
function logGamma(x: number): number {
	const c = [
		0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
		-176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
		1.5056327351493116e-7
	];
	if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
	const z = x - 1;
	let a = c[0];
	const t = z + 7.5;
	for (let i = 1; i < 9; i++) a += c[i] / (z + i);
	return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
	const tiny = 1e-300;
	let c = 1;
	let d = 1 - ((a + b) * x) / (a + 1);
	if (Math.abs(d) < tiny) d = tiny;
	d = 1 / d;
	let h = d;
	for (let m = 1; m <= 300; m++) {
		const m2 = 2 * m;
		let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < tiny) d = tiny;
		c = 1 + aa / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		h *= d * c;
		aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
		d = 1 + aa * d;
		if (Math.abs(d) < tiny) d = tiny;
		c = 1 + aa / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		const step = d * c;
		h *= step;
		if (Math.abs(step - 1) < 1e-15) break;
	}
	return h;
}

/** The regularised incomplete beta function I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	const front = Math.exp(
		logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x)
	);
	// The fraction converges fast on this side of the mean; the other side by symmetry.
	return x < (a + 1) / (a + b + 2)
		? (front * betaFraction(a, b, x)) / a
		: 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/**
 * P(T ≤ t) for Student's t with `df` degrees of freedom.
 * @example studentTCdf(0, 5) // 0.5
 */
export function studentTCdf(t: number, df: number): number {
	const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
	return t >= 0 ? 1 - tail : tail;
}

/**
 * The t quantile: the t with P(T ≤ t) = p, by bisection on the distribution function (to 1e-12).
 * @example studentTQuantile(0.975, 10) // 2.2281388519649…
 */
export function studentTQuantile(p: number, df: number): number {
	if (!(p > 0 && p < 1) || !(df > 0)) return NaN;
	if (p === 0.5) return 0;
	if (p < 0.5) return -studentTQuantile(1 - p, df);
	let lo = 0;
	let hi = 1;
	while (studentTCdf(hi, df) < p) hi *= 2;
	for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
		const mid = (lo + hi) / 2;
		if (studentTCdf(mid, df) < p) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}

/**
 * Mean, n, standard deviation and 95 % interval of some scores; non-finite values are ignored.
 * @example meanSummary([2, 3, 4]) // { n: 3, mean: 3, sd: 1, low: 0.5158…, high: 5.4841… }
 */
export function meanSummary(values: readonly number[]): MeanSummary {
	const xs = values.filter((v) => Number.isFinite(v));
	const n = xs.length;
	if (n === 0) return { n: 0, mean: null, sd: null, low: null, high: null };
	const mean = xs.reduce((s, v) => s + v, 0) / n;
	if (n < 2) return { n, mean, sd: null, low: null, high: null };
	const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
	const half = (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
	return { n, mean, sd, low: mean - half, high: mean + half };
}
