// Language state: Korean by default, English by the header toggle, remembered in localStorage.
import ko from "./i18n/ko.js";
import en from "./i18n/en.js";

const dictionaries = { ko, en };
const storageKey = "toonstudio.lang";
const listeners = new Set();

function stored() {
  try { return localStorage.getItem(storageKey); } catch { return null; }
}

let current = dictionaries[stored()] ? stored() : "ko";

export const lang = () => current;

/** The string for key in the current language, with {name} placeholders filled from vars. */
export function t(key, vars = {}) {
  const text = dictionaries[current][key] ?? dictionaries.ko[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

export const has = (key) => key in dictionaries[current];

/** Fills every data-i18n* attribute under root from the dictionary. */
export function apply(root = document) {
  document.documentElement.lang = current;
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll("[data-i18n-aria]")) el.setAttribute("aria-label", t(el.dataset.i18nAria));
}

export function setLang(next) {
  if (!dictionaries[next] || next === current) return;
  current = next;
  try { localStorage.setItem(storageKey, next); } catch { /* private mode: not remembered */ }
  apply();
  for (const fn of listeners) fn(current);
}

/** Calls fn after every language change (dynamic content re-renders itself). */
export function onLangChange(fn) { listeners.add(fn); return () => listeners.delete(fn); }

/** "12초" / "1m 5s": a duration in the current language. */
export function duration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? t("time.s", { s }) : t("time.ms", { m: Math.floor(s / 60), s: s % 60 });
}

export function bytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function dateTime(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return new Intl.DateTimeFormat(current === "ko" ? "ko-KR" : "en-GB", { dateStyle: "medium", timeStyle: "short" }).format(d);
}
