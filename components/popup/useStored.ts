import { useEffect, useState, type Dispatch, type StateUpdater } from 'preact/hooks';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';

type Item<T> = WxtStorageItem<T, Record<string, unknown>>;
type Values<I extends readonly Item<unknown>[]> = { [K in keyof I]: I[K] extends Item<infer T> ? T : never };

/** Several items in one storage call: the popup's first paint waits on nothing else. */
export async function readStored<const I extends readonly Item<unknown>[]>(items: I): Promise<Values<I>> {
  const read = await storage.getItems([...items]);
  return read.map((r) => r.value) as Values<I>;
}

/**
 * A stored item as component state: read once (no network, so the first paint is the cache), then
 * kept current as the background writes it. `undefined` until the first read returns, unless the
 * caller already read it (`first`): then the first render shows it.
 */
export function useStored<T>(item: Item<T>, first?: { value: T }): [T | undefined, Dispatch<StateUpdater<T | undefined>>] {
  const [value, setValue] = useState<T | undefined>(first?.value);
  useEffect(() => {
    let live = true;
    const unwatch = item.watch((v) => setValue(v));
    // Read after watching (again, with `first`): a write made before the watch began is not lost.
    void item.getValue().then((v) => {
      // A newer value (a watch event, a reply) may have arrived first: keep it.
      if (live) setValue((current) => (current === first?.value ? v : current));
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return [value, setValue];
}
