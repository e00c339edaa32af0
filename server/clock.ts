/** The only source of "now" for services; tests pass a fixed clock. */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at `start` and runs at the real pace from the moment it is made (CLOCK_START:
 * demos and browser tests that must see the same dates whatever day they run).
 */
export const clockStartingAt = (start: Date, realNow: () => number = Date.now): Clock => {
  const offset = start.getTime() - realNow();
  return { now: () => new Date(realNow() + offset) };
};
