import { type ReactNode, useEffect, useRef } from 'react';

/** Scrolls its content into view when it appears, e.g. an error at the top of a long form. */
export function RevealOnMount({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, []);
  return <div ref={ref}>{children}</div>;
}
