import { describe, expect, it } from 'vitest';
import {
  emailDomain,
  normalizeCompanyName,
  normalizeCreditCode,
  normalizeEmail,
  normalizePhone,
  websiteDomain,
} from './duplicate-keys.js';

describe('duplicate-check normalizers', () => {
  it.each([
    ['上海云杉科技有限公司', '上海云杉科技'],
    ['上海云杉科技', '上海云杉科技'],
    ['上海云杉科技股份有限公司', '上海云杉科技'],
    ['上海云杉科技有限责任公司', '上海云杉科技'],
    ['云杉科技集团', '云杉科技'],
    ['云杉科技集团有限公司', '云杉科技'],
    ['微软(中国)有限公司', '微软'],
    ['微软（中国）有限公司', '微软'],
    ['上海 云杉 科技', '上海云杉科技'],
    ['ＡＣＭＥ　科技', 'acme科技'],
    ['Acme Inc.', 'acme'],
    ['ACME', 'acme'],
    ['Acme, Inc', 'acme'],
    ['Acme Co., Ltd.', 'acme'],
    ['Acme (China) Co., Ltd.', 'acme'],
    ['Acme GmbH', 'acme'],
    ['Acme Corp', 'acme'],
    ['Acme Limited', 'acme'],
    ['Acme LLC', 'acme'],
    ['Blue-Peak Energy Inc.', 'bluepeakenergy'],
    ['Co 3', 'co3'],
    ['', null],
    [null, null],
  ])('company name %j → %j', (input, expected) => {
    expect(normalizeCompanyName(input)).toBe(expected);
  });

  it('tells different companies apart', () => {
    expect(normalizeCompanyName('上海云杉科技')).not.toBe(normalizeCompanyName('上海云杉软件'));
    expect(normalizeCompanyName('Acme Energy')).not.toBe(normalizeCompanyName('Acme'));
  });

  it.each([
    ['  Li.Na@Example.CN ', 'li.na@example.cn'],
    ['li.na@example.cn', 'li.na@example.cn'],
    ['not an email', null],
    ['', null],
  ])('email %j → %j', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  it.each([
    ['li.na@Yunshan.com.cn', 'yunshan.com.cn'],
    ['someone@qq.com', null],
    ['someone@163.com', null],
    ['someone@126.com', null],
    ['someone@gmail.com', null],
    ['someone@outlook.com', null],
    ['someone@hotmail.com', null],
    ['someone@yahoo.com', null],
    ['someone@sina.com', null],
    ['someone@foxmail.com', null],
    ['broken', null],
  ])('email domain of %j → %j', (input, expected) => {
    expect(emailDomain(input)).toBe(expected);
  });

  it.each([
    ['https://www.Acme.com/about', 'acme.com'],
    ['acme.com', 'acme.com'],
    ['http://acme.com:8080?x=1', 'acme.com'],
    ['www.yunshan.com.cn', 'yunshan.com.cn'],
    ['localhost', null],
    ['', null],
  ])('website %j → %j', (input, expected) => {
    expect(websiteDomain(input)).toBe(expected);
  });

  it.each([
    ['+86 138-0013-8000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['86 138 0013 8000', '13800138000'],
    ['(+86) 138.0013.8000', '13800138000'],
    ['＋８６ １３８００１３８０００', '13800138000'],
    ['021-6123 4567', '02161234567'],
    ['+86 21 6123 4567', '02161234567'],
    ['+86 10 6552 9988', '01065529988'],
    ['+1 (415) 555-0100', '14155550100'],
    ['123', null],
    ['', null],
  ])('phone %j → %j', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    ['91350100m000100y43', '91350100M000100Y43'],
    ['9135 0100 M000 100Y 43', '91350100M000100Y43'],
    ['913501', null],
  ])('credit code %j → %j', (input, expected) => {
    expect(normalizeCreditCode(input)).toBe(expected);
  });
});
