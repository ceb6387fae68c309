/**
 * The scorecard's only script. `/` is rendered on the server and not hydrated (csr = false in its
 * +page.server.ts): its charts and tables respond to nothing, and hydrating them cost a phone
 * ~90 KB of JavaScript. This script, bundled on its own (see the import in +page.svelte), makes the
 * what-if sliders live: the headline follows them at once, the URL and the links that carry the
 * weights follow shortly after. Without it the sliders are a GET form, as they always were.
 *
 * The elements it redraws carry `data-whatif="…"`; the payload is the JSON block `#whatif-data`.
 */
import { withWeights, WEIGHT_PREFIX } from '$lib/scorecard-url';
import { whatIfView, type WhatIfPayload, type WhatIfView } from '$lib/whatif';

/** The URL and the links follow the sliders after they rest this long (ms): history stays calm. */
const URL_DELAY = 250;

const parts = <T extends Element>(name: string) =>
	Array.from(document.querySelectorAll<T>(`[data-whatif="${name}"]`));

/** The parts it redraws, found once: a slider being dragged redraws them on every step. */
function partsOfPage() {
	return {
		score: parts('score'),
		rating: parts('rating'),
		rank: parts('rank'),
		notice: parts<HTMLElement>('notice'),
		result: parts('result')
	};
}

function start(form: HTMLFormElement, payload: WhatIfPayload) {
	const sliders = Array.from(
		form.querySelectorAll<HTMLInputElement>(`input[type="range"][name^="${WEIGHT_PREFIX}"]`)
	);
	const multiples = () =>
		Object.fromEntries(sliders.map((s) => [s.name.slice(WEIGHT_PREFIX.length), Number(s.value)]));

	const page = partsOfPage();
	const outputs = sliders.map((s) => s.parentElement?.querySelector('output') ?? null);
	// The headline as the server rendered it: shown again when the sliders return to its weights.
	const rendered = new Map<Element, { text: string; className: string }>(
		[...page.score, ...page.rating, ...page.rank].map((el) => [
			el,
			{ text: el.textContent ?? '', className: el.className }
		])
	);
	const restore = (el: Element) => {
		const was = rendered.get(el);
		if (was) [el.textContent, el.className] = [was.text, was.className];
	};

	function draw(view: WhatIfView) {
		for (const el of page.score) {
			if (view.changed) el.textContent = view.score;
			else restore(el);
		}
		for (const el of page.rating) {
			if (!view.changed) restore(el);
			else {
				el.textContent = view.ratingLabel;
				el.className = el.className.replace(/\brating-\w+/, view.ratingClass);
			}
		}
		for (const el of page.rank) {
			if (view.changed) el.textContent = view.rank;
			else restore(el);
		}
		for (const el of page.notice) el.hidden = !view.active;
		for (const el of page.result) el.textContent = view.result;
		sliders.forEach((s, i) => {
			const out = outputs[i];
			if (out) out.textContent = view.multiples[s.name.slice(WEIGHT_PREFIX.length)] ?? '';
		});
	}

	/** The address bar and the links that keep the reader's weights. */
	function carry(weights: Record<string, number>) {
		history.replaceState(history.state, '', withWeights(location.href, weights));
		for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-carry-weights]')) {
			a.setAttribute('href', withWeights(a.getAttribute('href') ?? '', weights));
		}
	}

	let timer: ReturnType<typeof setTimeout> | undefined;
	form.addEventListener('input', () => {
		const weights = multiples();
		draw(whatIfView(payload, weights));
		clearTimeout(timer);
		timer = setTimeout(() => carry(weights), URL_DELAY);
	});
	// The page's other GET forms (its pickers) submit the weights as they are now, not as the page
	// was rendered with.
	for (const other of document.querySelectorAll<HTMLFormElement>('main form[method="get"]')) {
		if (other === form) continue;
		other.addEventListener('formdata', (e) => {
			for (const [code, w] of Object.entries(multiples())) {
				if (w === 1) e.formData.delete(WEIGHT_PREFIX + code);
				else e.formData.set(WEIGHT_PREFIX + code, String(w));
			}
		});
	}
	// A reload or a return to the page may restore the sliders' positions: redraw from them.
	draw(whatIfView(payload, multiples()));
}

const form = document.querySelector<HTMLFormElement>('form[data-whatif="form"]');
const block = document.getElementById('whatif-data');
if (form && block?.textContent) start(form, JSON.parse(block.textContent) as WhatIfPayload);
// Tells tests (and CSS) the page is interactive, as the hydrated pages' layout does.
document.documentElement.dataset.hydrated = 'true';
