// The back office's texts: Japanese and English have the same keys, and every static office.* key the screens use exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/protocol/office/audit-entry.ts';
import { RECORD_STATUSES } from '../../src/protocol/snapshot.ts';
import ja from '../../src/app/office/i18n/ja.json';
import en from '../../src/app/office/i18n/en.json';
import peopleJa from '../../src/app/office/i18n/people.ja.json';
import peopleEn from '../../src/app/office/i18n/people.en.json';
import appJa from '../../src/app/i18n/ja.json';
import appEn from '../../src/app/i18n/en.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const office = { ja: { ...ja, ...peopleJa, ...appJa.office }, en: { ...en, ...peopleEn, ...appEn.office } };

describe('office texts', () => {
  it('has the same keys in Japanese and English', () => {
    expect(keys(office.en).sort()).toEqual(keys(office.ja).sort());
  });

  it('has every static office.* key used by the screens and the Home entry', () => {
    const known = new Set(keys(office.ja).map((k) => `office.${k}`));
    const files = [...sources('src/app/office'), 'src/app/screens/HomeScreen.tsx'];
    const used = new Set(files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/t\(\s*'(office\.[A-Za-z0-9_.-]+)'/g)].map((m) => m[1]!)));
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !known.has(key))).toEqual([]);
  });

  it('names every record status and audit action', () => {
    for (const status of RECORD_STATUSES) expect(ja.status[status]).toBeTruthy();
    for (const action of AUDIT_ACTIONS) expect(ja.auditAction[action]).toBeTruthy();
  });
});
