/**
 * What the hh.ru client learns at run time and wants back next time (the build string hh.ru's
 * pages carry, the raise form it accepted last, ...). The client does not know where such a fact
 * lives: the app hands it a `Fact` backed by its own storage; tests hand it one in memory.
 */
export interface Fact<T> {
  get(): Promise<T | null>;
  set(value: T): Promise<void>;
}

export function memoryFact<T>(initial: T | null = null): Fact<T> {
  let value = initial;
  return {
    get: async () => value,
    set: async (next) => {
      value = next;
    },
  };
}
