/**
 * The automation worker of a Wareloop process: the `automation` consumer of the event log (one
 * process at a time runs a batch) and the timer loop (every process; each timer fires once).
 * The loop sleeps until the next timer is due, at most `pollMs`, so a timer armed by another
 * process fires within `pollMs` of its due time and one armed here fires on time.
 */
import type { Db } from '../../platform/db/client.js';
import { ensureCursor, runBatch, startConsumer, type Consumer } from '../../platform/events/dispatcher.js';
import { fireDueTimers, handleEvents, nextTimerDue, type EngineOptions } from './engine.js';

export const AUTOMATION_CONSUMER = 'automation';

export type AutomationOptions = EngineOptions & {
  pollMs?: number;
  log?: { warn(obj: object, msg: string): void };
};

export type Automation = {
  /** Handles what is waiting now: every unread event, then every due timer. For tests and tools. */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
};

/** Runs the engine by hand: all events not yet handled, then the due timers. */
export async function runAutomationOnce(db: Db, opts: EngineOptions): Promise<void> {
  await ensureCursor(db, AUTOMATION_CONSUMER);
  for (;;) {
    const read = await runBatch(db, { name: AUTOMATION_CONSUMER, batchSize: 200, handle: async (tx, events) => void (await handleEvents(tx, events, opts)) });
    if (!read) break;
  }
  while ((await fireDueTimers(db, opts)) > 0);
}

export async function startAutomation(db: Db, opts: AutomationOptions): Promise<Automation> {
  const pollMs = opts.pollMs ?? 500;
  let stopped = false;
  let sleeper: NodeJS.Timeout | undefined;
  let firing: Promise<void> | undefined;
  let again = false;

  const fire = (): void => {
    if (stopped) return;
    if (firing) {
      again = true;
      return;
    }
    firing = (async () => {
      do {
        again = false;
        while (!stopped && (await fireDueTimers(db, opts)) > 0);
      } while (again && !stopped);
      if (!stopped) schedule(await nextTimerDue(db));
    })()
      .catch((err: unknown) => {
        opts.log?.warn({ err }, 'automation: firing timers failed; retrying');
        schedule(undefined);
      })
      .finally(() => {
        firing = undefined;
      });
  };

  const now = () => (opts.now?.() ?? new Date()).getTime();
  let wakeAt = Infinity;
  /** Wakes the loop at `due` (at the latest after `pollMs`); only ever brings a wake-up forward. */
  const schedule = (due: Date | undefined): void => {
    if (stopped) return;
    const at = Math.min(now() + pollMs, due ? due.getTime() : Infinity);
    if (sleeper && at >= wakeAt) return;
    clearTimeout(sleeper);
    wakeAt = at;
    sleeper = setTimeout(() => {
      sleeper = undefined;
      wakeAt = Infinity;
      fire();
    }, Math.max(0, Math.min(at - now(), pollMs)));
    sleeper.unref();
  };

  const consumer: Consumer = await startConsumer(db, {
    name: AUTOMATION_CONSUMER,
    log: opts.log,
    handle: async (tx, events) => {
      const due = await handleEvents(tx, events, opts);
      // Armed a timer sooner than the loop's next wake-up: wake for it once this batch commits.
      if (due) tx.afterCommit(() => schedule(due));
    },
  });
  fire();

  return {
    async runOnce() {
      await runAutomationOnce(db, opts);
    },
    async stop() {
      stopped = true;
      clearTimeout(sleeper);
      await consumer.stop();
      await firing;
    },
  };
}
