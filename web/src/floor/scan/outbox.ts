/**
 * The handheld's outbox: every scan that changes something is a POST with its own Idempotency-Key,
 * queued here and sent strictly one after another, in the order scanned. When the network drops
 * (fetch throws, or a gateway answers 502/503/504) the scan stays first in line, the outbox says
 * it is offline, and it tries again until the server answers; the same key makes a replay count
 * once. The queue is written to a store (IndexedDB in the browser) after every change, so scans
 * made offline survive a reload. Pure: the store, the transport and the clock are passed in.
 */

export type OutboxItem = {
  /** The Idempotency-Key: fixed when scanned, the same on every retry. */
  key: string;
  path: string;
  body: unknown;
  /** The job that made it (pick, pack, …): its screen listens for the answers. */
  job: string;
  /** What the operator sees in messages: "6901234567892 → A-01-01". */
  label: string;
  /** What the job's screen needs to match the answer to what was scanned (a pick list item). */
  ref?: number;
  createdAt: number;
};

export type Problem = { status: number; title?: string; detail?: string; field?: string; [k: string]: unknown };

export type SendOutcome =
  | { kind: 'ok'; status: number; body: unknown }
  | { kind: 'refused'; status: number; problem: Problem }
  | { kind: 'retry'; status?: number };

export type Transport = (item: OutboxItem) => Promise<SendOutcome>;
export type OutboxStore = { load(): Promise<OutboxItem[]>; save(items: OutboxItem[]): Promise<void> };
export type OutboxSnapshot = { online: boolean; waiting: number };
export type Settled = { item: OutboxItem; outcome: Extract<SendOutcome, { kind: 'ok' | 'refused' }> };

/** Which answers mean "try again later" (the request may not have reached Wareloop, or it was busy). */
export function classifyStatus(status: number): 'ok' | 'retry' | 'refused' {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 401 || status === 408 || status === 429 || status === 502 || status === 503 || status === 504) return 'retry';
  return 'refused';
}

export type OutboxOptions = {
  store: OutboxStore;
  transport: Transport;
  /** Waits between attempts while offline (the last one repeats). */
  retryDelaysMs?: number[];
};

export class Outbox {
  private items: OutboxItem[] = [];
  private online = true;
  private snap: OutboxSnapshot = { online: true, waiting: 0 };
  private pumping = false;
  private started: Promise<void> | null = null;
  private persisted: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly settledListeners = new Set<(s: Settled) => void>();
  private readonly delays: number[];

  constructor(private readonly opts: OutboxOptions) {
    this.delays = opts.retryDelaysMs ?? [500, 1000, 2000, 3000];
  }

  /** Loads what waited from the last session (it goes first), then sends. */
  start(): Promise<void> {
    this.started ??= this.opts.store.load().then(
      (saved) => {
        const queued = new Set(this.items.map((i) => i.key));
        this.items = [...saved.filter((i) => !queued.has(i.key)), ...this.items];
        this.changed();
        void this.pump();
      },
      () => void this.pump(),
    );
    return this.started;
  }

  enqueue(item: OutboxItem): void {
    this.items.push(item);
    this.changed();
    if (this.started) void this.pump();
  }

  /** Try now instead of after the current wait (the browser says it is back online). */
  wake(): void {
    this.wakeUp?.();
  }

  snapshot(): OutboxSnapshot {
    return this.snap;
  }

  pending(): readonly OutboxItem[] {
    return this.items;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onSettled(listener: (s: Settled) => void): () => void {
    this.settledListeners.add(listener);
    return () => this.settledListeners.delete(listener);
  }

  /** Resolves when everything queued so far has been answered and written down. */
  async drained(): Promise<void> {
    while (this.items.length > 0 || this.pumping) await new Promise((r) => setTimeout(r, 5));
    await this.persisted;
  }

  private changed() {
    const snapshot = [...this.items];
    this.persisted = this.persisted.then(() => this.opts.store.save(snapshot)).catch(() => undefined);
    this.snap = { online: this.online, waiting: this.items.length };
    for (const l of this.listeners) l();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      let attempt = 0;
      while (this.items.length > 0) {
        const item = this.items[0]!;
        let outcome: SendOutcome;
        try {
          outcome = await this.opts.transport(item);
        } catch {
          outcome = { kind: 'retry' };
        }
        if (outcome.kind === 'retry') {
          if (this.online) {
            this.online = false;
            this.changed();
          }
          await this.pause(this.delays[Math.min(attempt, this.delays.length - 1)]!);
          attempt += 1;
          continue;
        }
        attempt = 0;
        this.items.shift();
        this.online = true;
        this.changed();
        for (const l of this.settledListeners) l({ item, outcome });
      }
    } finally {
      this.pumping = false;
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wakeUp = null;
        resolve();
      }
      this.wakeUp = done;
    });
  }
}

/** In-memory store, for tests and for browsers without IndexedDB. */
export function memoryStore(initial: OutboxItem[] = []): OutboxStore & { saved: OutboxItem[] } {
  const store = {
    saved: [...initial],
    async load() {
      return [...store.saved];
    },
    async save(items: OutboxItem[]) {
      store.saved = [...items];
    },
  };
  return store;
}
