import { createDoor, createWriter, type ChangeEvents, type CommitResult, type Door, type LocalArea, type ShortlistRequest, type Writer } from '@/lib/shortlist/door';
import { createShortlistStore } from '@/lib/shortlist/store';

/*
 * storage.local as browsers have it, for the shortlist's concurrency and quota tests: every call
 * answers after a latency (5–20 ms by default, as measured in Chromium), writes are atomic per
 * call, change events reach each listener in write order after a latency of their own, and
 * Chrome's quota holds: QUOTA_BYTES over keys plus their values' JSON, a write that would pass it
 * fails whole with Chrome's message. Several extension contexts share one area; each has its own
 * door and zustand view, and all send their changes to one writer, as in the extension.
 */

type Change = { oldValue?: unknown; newValue?: unknown };
type Listener = (changes: Record<string, Change>, area: string) => void;

export interface FakeAreaOptions {
  /** Milliseconds each call takes: a random value in [min, max]. */
  latency?: [number, number];
  /** Chrome's storage.local quota (10 MB, 10 485 760 bytes) unless given; Infinity for none. */
  quota?: number;
  /** Answers getBytesInUse (Chrome does; Firefox's storage.local does not). */
  bytesInUse?: boolean;
  /** A deterministic random source (property tests). */
  random?: () => number;
}

export interface FakeArea extends LocalArea {
  onChanged: ChangeEvents;
  /** What is stored, without latency. */
  peek(): Record<string, unknown>;
  /** Bytes stored, as Chrome counts them. */
  bytes(): number;
  /** Every set() and remove() that reached storage, in order. */
  writes: { set?: Record<string, unknown>; remove?: string[] }[];
}

const sizeOf = (key: string, value: unknown): number => key.length + (JSON.stringify(value)?.length ?? 0);

export function createFakeArea(options: FakeAreaOptions = {}): FakeArea {
  const [min, max] = options.latency ?? [5, 20];
  const random = options.random ?? Math.random;
  const quota = options.quota ?? 10_485_760;
  const data = new Map<string, unknown>();
  const listeners = new Map<Listener, Promise<void>>();
  const writes: FakeArea['writes'] = [];
  const wait = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, min + Math.floor(random() * (max - min + 1))));
  const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
  const bytes = (): number => {
    let total = 0;
    for (const [key, value] of data) total += sizeOf(key, value);
    return total;
  };
  const emit = (changes: Record<string, Change>): void => {
    // Each listener gets the events in write order, each after a latency.
    for (const [listener, previous] of listeners) {
      const next = previous.then(wait).then(() => {
        if (listeners.has(listener)) listener(clone(changes), 'local');
      });
      listeners.set(listener, next);
    }
  };
  const keysOf = (keys?: string | string[] | null): string[] | undefined => (keys === null || keys === undefined ? undefined : [keys].flat());

  const area: FakeArea = {
    QUOTA_BYTES: Number.isFinite(quota) ? quota : undefined,
    async get(keys) {
      await wait();
      const wanted = keysOf(keys);
      const result: Record<string, unknown> = {};
      for (const [key, value] of data) if (!wanted || wanted.includes(key)) result[key] = clone(value);
      return result;
    },
    async set(items) {
      await wait();
      let total = bytes();
      for (const [key, value] of Object.entries(items)) total += sizeOf(key, value) - (data.has(key) ? sizeOf(key, data.get(key)) : 0);
      if (total > quota) throw new Error('QUOTA_BYTES quota exceeded');
      const changes: Record<string, Change> = {};
      for (const [key, value] of Object.entries(items)) {
        changes[key] = { oldValue: clone(data.get(key)), newValue: clone(value) };
        data.set(key, clone(value));
      }
      writes.push({ set: clone(items) });
      emit(changes);
    },
    async remove(keys) {
      await wait();
      const changes: Record<string, Change> = {};
      for (const key of [keys].flat()) {
        if (!data.has(key)) continue;
        changes[key] = { oldValue: clone(data.get(key)) };
        data.delete(key);
      }
      writes.push({ remove: [keys].flat() });
      if (Object.keys(changes).length > 0) emit(changes);
    },
    onChanged: {
      addListener: (listener) => void listeners.set(listener, Promise.resolve()),
      removeListener: (listener) => void listeners.delete(listener),
    },
    peek: () => clone(Object.fromEntries(data)),
    bytes,
    writes,
  };
  if (options.bytesInUse !== false) {
    area.getBytesInUse = async (keys) => {
      await wait();
      const wanted = keysOf(keys);
      let total = 0;
      for (const [key, value] of data) if (!wanted || wanted.includes(key)) total += sizeOf(key, value);
      return total;
    };
  }
  return area;
}

export interface Context {
  door: Door;
  store: ReturnType<typeof createShortlistStore>;
}

/** The extension over one fake area: a background writer, and contexts that message it. */
export function createExtension(area: FakeArea, messageLatency: [number, number] = [1, 5]) {
  const writer: Writer = createWriter(area);
  /** Every commit in the order the writer took it (the order it applies them in). */
  const committed: ShortlistRequest['request'][] = [];
  const [min, max] = messageLatency;
  const hop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, min + Math.floor(Math.random() * (max - min + 1))));
  const context = (): Context => {
    const door = createDoor({
      local: area,
      onChanged: area.onChanged,
      async send(request): Promise<CommitResult> {
        await hop();
        committed.push(request);
        const result = request.kind === 'commit' ? writer.commit(request.patches) : writer.repair();
        const answer = await result;
        await hop();
        return answer;
      },
    });
    return { door, store: createShortlistStore(() => door) };
  };
  return { writer, committed, context };
}
