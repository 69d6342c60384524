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

/**
 * An independent stream per table: each table's rows depend only on the seed and the table, so
 * tables can be generated in any order (or overlapped) and still come out the same.
 */
export function streamOf(seed: number, label: string): Random {
  let h = seed ^ 0x9e3779b9;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return seededRandom(h);
}

/**
 * China's most common full names: each is in the Chinese pool several times, so about one
 * Chinese contact in a thousand has it, as in life (search benchmarks look for them).
 */
export const COMMON_ZH_NAMES = [
  '张伟',
  '王伟',
  '王芳',
  '李伟',
  '李娜',
  '张敏',
  '李静',
  '王静',
  '刘伟',
];

/** Name pools drawn once from faker (seeded), so generating millions of rows stays cheap. */
export function namePools(seed: number, size = 4000) {
  fakerZH_CN.seed(seed);
  fakerEN_US.seed(seed);
  const times = <T>(n: number, f: () => T) => Array.from({ length: n }, f);
  return {
    zhPeople: [
      ...COMMON_ZH_NAMES.flatMap((name) => [name, name, name, name]),
      ...times(size, () => `${fakerZH_CN.person.lastName()}${fakerZH_CN.person.firstName()}`),
    ],
    enPeople: times(size, () => fakerEN_US.person.fullName()),
    zhCompanyWords: times(size / 4, () => fakerZH_CN.company.name().replace(/有限公司|公司$/g, '')),
    enCompanyWords: times(size / 4, () => fakerEN_US.company.name()),
    titles: times(200, () => fakerEN_US.person.jobTitle()),
    words: times(size, () => fakerEN_US.word.words({ count: { min: 3, max: 8 } })),
    sentences: times(size / 4, () => fakerEN_US.lorem.sentence({ min: 6, max: 20 })),
  };
}
export type NamePools = ReturnType<typeof namePools>;
