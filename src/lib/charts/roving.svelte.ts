/**
 * Which item of a chart holds its one Tab stop (roving tabindex). ChartSvg creates one per chart
 * and shares it with its Points through context; each Point registers itself when created and
 * renders tabindex="0" only while it is the stop, "-1" otherwise. The first registered item is the
 * stop until a reader focuses another, so the server render (no JavaScript) already has a single
 * Tab stop per chart: the rest of the numbers are in the table beside it.
 */
import { getContext, setContext, untrack } from 'svelte';

const CONTEXT = Symbol('roving-stop');

export class RovingStop {
	#keys: string[] = $state([]);
	/** The item a reader focused last; null until then. */
	active: string | null = $state(null);
	/** The key of the item that gets tabindex="0": the one focused last, else the first. */
	readonly stop: string | null = $derived(
		this.active !== null && this.#keys.includes(this.active) ? this.active : (this.#keys[0] ?? null)
	);

	/** Registers an item; called while the item's component is created. */
	add(key: string): void {
		// Items register while their chart renders: untracked, so registering is not an update of
		// the template that is being drawn.
		untrack(() => {
			if (!this.#keys.includes(key)) this.#keys.push(key);
		});
	}

	remove(key: string): void {
		untrack(() => {
			const i = this.#keys.indexOf(key);
			if (i >= 0) this.#keys.splice(i, 1);
		});
	}
}

/** Creates the chart's roving stop and shares it with the items rendered inside the component. */
export function provideRovingStop(): RovingStop {
	return setContext(CONTEXT, new RovingStop());
}

/** The roving stop of the chart an item is drawn in, if any. */
export function useRovingStop(): RovingStop | undefined {
	return getContext<RovingStop | undefined>(CONTEXT);
}
