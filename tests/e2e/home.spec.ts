import { expect, test } from '@playwright/test';

test.describe('first page', () => {
	test.use({ javaScriptEnabled: false });

	test('/ lists Pati indicators by dimension with latest values and sources, without JavaScript', async ({
		page
	}) => {
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'id');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Kabupaten Pati');
		await expect(page.getByRole('heading', { level: 2 })).toHaveCount(6);
		const hdiRow = page.getByRole('row', { name: /Indeks Pembangunan Manusia/ });
		await expect(hdiRow).toContainText('74,10');
		await expect(hdiRow).toContainText('2024');
		await expect(hdiRow.getByRole('link', { name: 'sumber' })).toHaveAttribute(
			'href',
			/patikab\.bps\.go\.id/
		);
	});

	test('/en serves the same page in English', async ({ page }) => {
		await page.goto('/en');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		const hdiRow = page.getByRole('row', { name: /Human Development Index/ });
		await expect(hdiRow).toContainText('74.10');
	});
});
