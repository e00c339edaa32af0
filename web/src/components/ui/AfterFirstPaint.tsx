import { type ReactNode, startTransition, useEffect, useState } from 'react';

/**
 * Renders its children only once the browser has painted the rest of the page around it: for the parts of
 * a page below its first screen, so what a person looks at first is drawn without waiting for them (on a
 * slow laptop rendering a whole dashboard holds the main thread for seconds). The later render is a
 * transition: React renders it in slices and gives way to a click or a key in between. Mounted again (a
 * new page), it waits again; re-rendered (new data), it does not.
 */
export const AfterFirstPaint = ({ children }: { children: ReactNode }) => {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame's callback runs before its paint; a task queued from it runs after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPainted(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted ? children : null;
};
