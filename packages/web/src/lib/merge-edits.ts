const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * After reloading a record someone else changed: fields the person did not touch take the
 * latest values; fields they edited keep their edits.
 */
export const mergeEdits = <V extends object>(original: V, edited: V, latest: V): V => {
  const merged = { ...edited };
  for (const key of Object.keys(latest) as (keyof V)[]) {
    if (same(edited[key], original[key])) merged[key] = latest[key];
  }
  return merged;
};
