// Normalizers of the duplicate check: two values that mean the same company, address or number
// give the same key. Keys are stored per record ('company:上海云杉科技', 'phone:13800138000') so
// a check is one indexed array-overlap query.

export const MATCH_KINDS = ['company', 'credit', 'domain', 'email', 'phone'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** Legal forms and group words at the end of a Chinese company name, longest first. */
const CN_SUFFIXES = [
  '集团股份有限公司',
  '集团有限责任公司',
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '股份公司',
  '集团公司',
  '分公司',
  '总公司',
  '公司',
  '集团',
];

/** Legal forms at the end of a Latin-script company name, as lowercase words. */
const EN_SUFFIXES = new Set([
  'co',
  'company',
  'corp',
  'corporation',
  'inc',
  'incorporated',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'gmbh',
  'ag',
  'kg',
  'plc',
  'pte',
  'pty',
  'sa',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'oy',
  'ab',
  'as',
  'kk',
  'group',
  'holdings',
]);

/** Country markers that do not tell two companies apart: 微软(中国)有限公司 = 微软. */
const COUNTRY_MARKER = /[(]\s*(中国|china|prc)\s*[)]/gu;

/**
 * A company name reduced to what identifies it: full-width characters made half-width, case
 * folded, country markers, legal forms, spaces and punctuation removed. "Acme Inc." and "ACME"
 * give "acme"; 「上海云杉科技有限公司」 and 「上海云杉科技」 give "上海云杉科技".
 */
export function normalizeCompanyName(name: string | null | undefined): string | null {
  if (!name) return null;
  const folded = name.normalize('NFKC').toLowerCase().replace(COUNTRY_MARKER, ' ');
  // Words of letters and digits (any script); everything else separates them.
  const words = folded.match(/[\p{L}\p{N}]+/gu) ?? [];
  while (words.length > 1 && EN_SUFFIXES.has(words[words.length - 1])) words.pop();
  let joined = words.join('');
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const suffix of CN_SUFFIXES) {
      if (joined.length > suffix.length && joined.endsWith(suffix)) {
        joined = joined.slice(0, -suffix.length);
        stripped = true;
        break;
      }
    }
  }
  return joined || null;
}

/** An email address in lowercase, or null when it is not one. */
export function normalizeEmail(email: string | null | undefined): string | null {
  const value = email?.normalize('NFKC').trim().toLowerCase();
  return value && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value) ? value : null;
}

/** Free-mail providers: their domain says nothing about the company. */
export const FREE_MAIL_DOMAINS = new Set([
  'qq.com',
  'vip.qq.com',
  'foxmail.com',
  '163.com',
  '126.com',
  'yeah.net',
  '188.com',
  'vip.163.com',
  'sina.com',
  'sina.cn',
  'sohu.com',
  'aliyun.com',
  '139.com',
  '189.cn',
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.com.cn',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'mail.com',
]);

const companyDomain = (host: string | null | undefined): string | null => {
  const domain = host?.replace(/^www\./, '').replace(/\.$/, '');
  return domain?.includes('.') && !FREE_MAIL_DOMAINS.has(domain) ? domain : null;
};

/** The company domain of an email address; null for free-mail addresses. */
export function emailDomain(email: string | null | undefined): string | null {
  const normalized = normalizeEmail(email);
  return normalized ? companyDomain(normalized.split('@')[1]) : null;
}

/** The domain of a web address: "https://www.Acme.com/about" gives "acme.com". */
export function websiteDomain(website: string | null | undefined): string | null {
  if (!website) return null;
  const host = website
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .split(/[/?#]/)[0]
    .replace(/^[^@]*@/, '')
    .replace(/:\d+$/, '');
  return companyDomain(host);
}

/**
 * A phone number as digits only, without the +86 / 0086 country code: "+86 138-0013-8000",
 * "138 0013 8000" and "0086 13800138000" give "13800138000". A Chinese landline keeps its
 * trunk 0 ("+86 21 6123 4567" = "021-6123 4567"). Shorter than 5 digits: not a number.
 */
export function normalizePhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const text = phone.normalize('NFKC').trim();
  let digits = text.replace(/\D/g, '');
  let national = false;
  if (text.startsWith('+86')) {
    digits = digits.slice(2);
    national = true;
  } else if (digits.startsWith('0086')) {
    digits = digits.slice(4);
    national = true;
  } else if (digits.length === 13 && digits.startsWith('861')) {
    digits = digits.slice(2);
  }
  const mobile = digits.length === 11 && digits.startsWith('1');
  if (national && !mobile && !digits.startsWith('0')) digits = `0${digits}`;
  return digits.length >= 5 ? digits : null;
}

/** A unified social credit code uppercase without separators; null unless 18 characters. */
export function normalizeCreditCode(code: string | null | undefined): string | null {
  const value = code?.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  return value && value.length === 18 ? value : null;
}

export const matchKey = (kind: MatchKind, value: string | null): string | null =>
  value === null ? null : `${kind}:${value}`;

export const kindOf = (key: string) => key.slice(0, key.indexOf(':')) as MatchKind;

/** The distinct non-empty keys of a record. */
export const matchKeys = (...keys: (string | null)[]): string[] => [
  ...new Set(keys.filter((k): k is string => k !== null)),
];

/** Keys of labelled phone numbers ({ number } items). */
export const phoneKeys = (phones: unknown): (string | null)[] =>
  Array.isArray(phones)
    ? phones.map((p) => matchKey('phone', normalizePhone((p as { number?: string }).number)))
    : [];
