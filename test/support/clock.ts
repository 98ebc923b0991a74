/**
 * A clock for the code under test that the test moves by hand, so nothing it checks depends on
 * how fast the machine is: real time until `set` or `advance` stops it, then still until moved
 * again; `resume` lets it follow real time once more.
 */
export type TestClock = {
  now(): Date;
  set(at: Date | string | number): void;
  advance(ms: number): void;
  resume(): void;
};

export function testClock(): TestClock {
  let fixed: number | undefined;
  return {
    now: () => new Date(fixed ?? Date.now()),
    set: (at) => void (fixed = new Date(at).getTime()),
    advance: (ms) => void (fixed = (fixed ?? Date.now()) + ms),
    resume: () => void (fixed = undefined),
  };
}
