/**
 * The opt-in demo (`npm run demo`, DEMO=1): its invented numbers are never shown without the
 * banner, and the API marks every one of them. The default instance's side of this is in
 * real/honesty.spec.ts.
 */
import { expect, test } from './fixtures';

const PAGES = [
	'/',
	'/dimensions/economy',
	'/indicators/hdi_ipm',
	'/compare',
	'/years',
	'/data',
	'/spbe',
	'/official',
	'/programmes',
	'/methodology',
	'/api',
	'/login'
];

test.describe('demo mode', () => {
	test.use({ javaScriptEnabled: false });

	for (const path of PAGES) {
		test(`${path} carries the demo banner`, async ({ page }) => {
			await page.goto(path);
			const banner = page.getByTestId('demo-banner');
			await expect(banner).toHaveRole('note');
			await expect(banner).toContainText('Mode demo: banyak angka di sini dikarang');
			await expect(banner).toContainText(
				'Rapor dengan data asli saja dijalankan dengan npm start.'
			);
		});
	}

	test('/en carries the banner in English', async ({ page }) => {
		await page.goto('/en');
		await expect(page.getByTestId('demo-banner')).toContainText(
			'Demo mode: many numbers here are invented'
		);
	});

	test('every illustrative API value says so, with the generator as its source', async ({
		request
	}) => {
		const res = await request.get('/api/v1/observations?region=33.18');
		const rows = (await res.json()) as {
			source: string;
			source_kind: string;
			illustrative: boolean;
		}[];
		const invented = rows.filter((r) => r.source.startsWith('ilustrasi:'));
		expect(invented.length).toBeGreaterThan(0);
		expect(invented.every((r) => r.illustrative)).toBe(true);
		// The real rows stay real beside them: flagged false and with a source kind.
		const real = rows.filter((r) => !r.illustrative);
		expect(real.length).toBeGreaterThan(0);
		expect(real.every((r) => r.source_kind !== '' && !r.source.startsWith('ilustrasi:'))).toBe(
			true
		);
		// Other specs may add real targets meanwhile: the generated ones are what must be flagged.
		const targets = (await (await request.get('/api/v1/targets?region=33.18')).json()) as {
			source: string;
			illustrative: boolean;
		}[];
		const inventedTargets = targets.filter((t) => t.source.startsWith('ilustrasi:'));
		expect(inventedTargets.length).toBeGreaterThan(0);
		expect(inventedTargets.every((t) => t.illustrative)).toBe(true);
	});
});
