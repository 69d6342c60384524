import { fakerEN_US, fakerZH_CN } from '@faker-js/faker';

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same data on every run. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  /**
   * Index in [0, n) with a Zipf-like skew: a few owners hold far more records than the rest,
   * as in a real sales team.
   */
  const skewed = (n: number, exponent = 1.2) => Math.min(n - 1, Math.floor(n * next() ** exponent));
  return { next, int, pick, skewed };
}
export type Random = ReturnType<typeof seededRandom>;

/** Name pools drawn once from faker (seeded), so generating millions of rows stays cheap. */
export function namePools(seed: number, size = 4000) {
  fakerZH_CN.seed(seed);
  fakerEN_US.seed(seed);
  const times = <T>(n: number, f: () => T) => Array.from({ length: n }, f);
  return {
    zhPeople: times(size, () => `${fakerZH_CN.person.lastName()}${fakerZH_CN.person.firstName()}`),
    enPeople: times(size, () => fakerEN_US.person.fullName()),
    zhCompanyWords: times(size / 4, () => fakerZH_CN.company.name().replace(/有限公司|公司$/g, '')),
    enCompanyWords: times(size / 4, () => fakerEN_US.company.name()),
    titles: times(200, () => fakerEN_US.person.jobTitle()),
    words: times(size, () => fakerEN_US.word.words({ count: { min: 3, max: 8 } })),
  };
}
export type NamePools = ReturnType<typeof namePools>;
