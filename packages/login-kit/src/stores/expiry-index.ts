/**
 * Which keys expire when, in buckets of one second (each named by the second
 * it ends at) kept in a min-heap. Adding is O(1) (O(log b) for a new
 * bucket); `expired` hands each key over once, when its bucket has ended, so
 * that purging costs what was added and never a sweep of everything live. A
 * key is handed over at most a second after it expires, at once when it
 * expires on a whole second.
 */
export class ExpiryIndex {
  readonly #buckets = new Map<number, string[]>();
  readonly #heap: number[] = [];
  #size = 0;

  /** Keys held, counting a key once per time it was added. */
  get size(): number {
    return this.#size;
  }

  add(key: string, expiresAt: number): void {
    const second = Math.ceil(expiresAt / 1000);
    this.#size += 1;
    const bucket = this.#buckets.get(second);
    if (bucket) return void bucket.push(key);
    this.#buckets.set(second, [key]);
    this.#push(second);
  }

  /** Keys whose bucket ended at or before `now`. A key whose expiry moved since may come again: callers check. */
  *expired(now: number): Generator<string> {
    const current = Math.floor(now / 1000);
    while (this.#heap.length > 0 && (this.#heap[0] as number) <= current) {
      const second = this.#pop();
      const keys = this.#buckets.get(second) ?? [];
      this.#buckets.delete(second);
      this.#size -= keys.length;
      yield* keys;
    }
  }

  #push(value: number): void {
    const heap = this.#heap;
    heap.push(value);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as number) <= value) break;
      heap[i] = heap[parent] as number;
      heap[parent] = value;
      i = parent;
    }
  }

  #pop(): number {
    const heap = this.#heap;
    const top = heap[0] as number;
    const last = heap.pop() as number;
    if (heap.length === 0) return top;
    heap[0] = last;
    for (let i = 0; ; ) {
      const [left, right] = [2 * i + 1, 2 * i + 2];
      let smallest = i;
      if (left < heap.length && (heap[left] as number) < (heap[smallest] as number)) smallest = left;
      if (right < heap.length && (heap[right] as number) < (heap[smallest] as number)) smallest = right;
      if (smallest === i) break;
      [heap[i], heap[smallest]] = [heap[smallest] as number, heap[i] as number];
      i = smallest;
    }
    return top;
  }
}
