// The frame every page shares: header with navigation and the language toggle, footer.
import { t, apply, lang, setLang, onLangChange } from "./i18n.js";

const links = [
  ["/", "nav.home"],
  ["/ppl-gen/", "nav.ppl"],
  ["/goods-gen/", "nav.goods"],
  ["/history/", "nav.history"],
];

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") node.textContent = v;
    else if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of [].concat(children)) if (child) node.append(child);
  return node;
}
export { el };

/** Builds the header and footer around <main>, then fills all data-i18n texts. */
export function initShell() {
  const here = location.pathname;
  const nav = el("nav", { class: "site-nav", "data-i18n-aria": "nav.label" },
    links.map(([href, key]) => el("a", { href, "data-i18n": key, "aria-current": here === href ? "page" : null })));
  const toggle = el("button", {
    type: "button", class: "btn btn-sm lang-toggle", "data-i18n": "lang.toggle", "data-i18n-aria": "lang.toggleLabel",
    onclick: () => setLang(lang() === "ko" ? "en" : "ko"),
  });
  const header = el("header", { class: "site-header" }, [
    el("a", { class: "skip-link", href: "#main", "data-i18n": "skip" }),
    el("div", { class: "bar" }, [
      el("a", { class: "brand", href: "/" }, [el("span", { class: "brand-mark", "aria-hidden": "true", text: "TS" }), el("span", { "data-i18n": "brand" })]),
      nav, toggle,
    ]),
  ]);
  document.body.prepend(header);
  document.body.append(el("footer", { class: "site-footer" }, [el("p", { "data-i18n": "footer" })]));
  apply();
  onLangChange(() => apply());
  return { t };
}
