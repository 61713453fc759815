// /history/: every job, newest first, with a generator filter, cursor paging, open, download and
// delete. The list comes from the server, so it survives reloads and server restarts.
import { initShell, el } from "./shell.js";
import { t, lang, apply, dateTime, onLangChange } from "./i18n.js";
import * as api from "./api.js";
import { fileName } from "./job-view.js";

initShell();
apply();
const gallery = document.getElementById("gallery");
const more = document.getElementById("more");
const status = document.getElementById("history-status");
const filter = document.getElementById("filter");
let items = [];
let next = null;
const query = new URL(location.href).searchParams;
let kind = query.get("kind") ?? "";
// Page size: 24 by default; ?limit=N (1–100) for a longer or shorter page.
const pageSize = Math.min(100, Math.max(1, Number.parseInt(query.get("limit") ?? "", 10) || 24));
let loading = false;
let failure = null;
let typeNames = {};
api.goodsTypes().then((d) => { typeNames = Object.fromEntries((d.types ?? []).map((x) => [x.id, x.name])); render(); }, () => {});

function pageOf(job) {
  return `/${job.kind === "goods" ? "goods-gen" : "ppl-gen"}/?jobs=${encodeURIComponent(job.id)}`;
}

function thumb(job) {
  const type = job.parameters?.goodsType;
  const title = `${t(`job.${job.kind}`)}${type ? ` · ${typeNames[type]?.[lang()] ?? type}` : ""}`;
  const ok = job.status === "succeeded";
  const statusText = t(`status.${job.status}`);
  // The accessible name holds the visible text: the status a thumbnail without a result shows in its place.
  const pic = el("a", { class: "pic", href: pageOf(job), "aria-label": `${t("action.open")}: ${title}${ok ? "" : ` · ${statusText}`}` },
    ok ? [el("img", { src: api.resultUrl(job), alt: title, loading: "lazy" })] : [el("span", { text: statusText })]);
  const del = el("button", { type: "button", class: "btn btn-sm btn-danger", text: t("action.delete") });
  del.addEventListener("click", async () => {
    // Two-step delete, inline: the first click asks, the second deletes.
    if (!del.classList.contains("confirm")) {
      del.classList.add("confirm");
      del.textContent = t("action.confirmDelete");
      return;
    }
    try {
      await api.deleteJob(job.id);
      items = items.filter((x) => x.id !== job.id);
      render();
      status.textContent = t("history.deleted");
    } catch (err) {
      failure = err;
      render();
    }
  });
  del.addEventListener("blur", () => { del.classList.remove("confirm"); del.textContent = t("action.delete"); });
  return el("article", { class: "card thumb", "aria-label": title, dataset: { jobId: job.id } }, [
    pic,
    el("div", { class: "body" }, [
      el("div", { class: "job-head" }, [el("strong", { class: "job-title", text: title }),
        el("span", { class: "status", text: t(`status.${job.status}`), dataset: { status: job.status } })]),
      el("p", { class: "prompt", text: job.parameters?.prompt || t("history.defaultPrompt") }),
      el("span", { class: "when", text: `${dateTime(job.createdAt)} · ${t(`engineShort.${job.engine}`)}` }),
      el("div", { class: "actions" }, [
        el("a", { class: "btn btn-sm", href: pageOf(job), text: t("action.open") }),
        ok ? el("a", { class: "btn btn-sm", href: api.resultUrl(job), download: fileName(job), text: t("action.download") }) : "",
        del,
      ]),
    ]),
  ]);
}

function render() {
  gallery.replaceChildren(...items.map(thumb));
  more.hidden = !next;
  const error = document.getElementById("history-error");
  error.textContent = failure ? t(`error.${failure.code}`) : "";
  status.textContent = loading ? t("history.loading") : items.length ? t("history.count", { n: items.length }) : t("history.empty");
  for (const b of filter.querySelectorAll("input")) b.checked = b.value === kind;
}

async function load(reset) {
  loading = true;
  failure = null;
  render();
  try {
    const page = await api.listJobs({ kind: kind || undefined, limit: pageSize, before: reset ? undefined : next });
    items = reset ? page.items : items.concat(page.items);
    next = page.next;
  } catch (err) {
    failure = err;
  }
  loading = false;
  render();
}

filter.addEventListener("change", (e) => {
  kind = e.target.value;
  const url = new URL(location.href);
  if (kind) url.searchParams.set("kind", kind); else url.searchParams.delete("kind");
  history.replaceState(null, "", url);
  load(true);
});
more.addEventListener("click", () => load(false));
onLangChange(render);
load(true);
