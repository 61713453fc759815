// The right-hand panel of a generator: the current job (or batch) as cards. The job ids live in the
// address (?jobs=a,b,c), so a reload, a bookmark or a link from the history reattaches to them.
import { t, onLangChange } from "./i18n.js";
import { el } from "./shell.js";
import { getJob, submit, isTerminal } from "./api.js";
import { createJobCard } from "./job-view.js";

/** Re-runs a finished job with its stored inputs and parameters and a new random seed. */
export async function resubmit(job) {
  const form = new FormData();
  const names = job.kind === "ppl" ? ["input_image_1", "input_image_2"] : ["input_image"];
  const blobs = await Promise.all((job.inputs ?? []).map((url) => fetch(url).then((r) => r.blob())));
  blobs.forEach((blob, i) => names[i] && form.append(names[i], blob, `${names[i]}.${(blob.type.split("/")[1] || "png")}`));
  const p = job.parameters ?? {};
  form.append("prompt", p.prompt ?? "");
  if (p.aspectRatio) form.append("aspect_ratio", p.aspectRatio);
  if (p.outputFormat) form.append("output_format", p.outputFormat);
  if (p.safetyTolerance != null) form.append("safety_tolerance", String(p.safetyTolerance));
  if (p.goodsType) form.append("goods_type", p.goodsType);
  if (p.goodsColor) form.append("goods_color", p.goodsColor);
  if (job.engine) form.append("engine", job.engine);
  return submit(job.kind === "ppl" ? "ppl" : "goods", form);
}

/** The stored inputs of a job as files, to put back into the form's image slots. */
export async function inputFiles(job) {
  return Promise.all((job.inputs ?? []).map(async (url, i) => {
    const blob = await fetch(url).then((r) => r.blob());
    return new File([blob], `input-${i + 1}.${blob.type.split("/")[1] || "png"}`, { type: blob.type });
  }));
}

export function createOutput(container, { emptyKey, titleOf, grid, onError }) {
  let cards = [];
  const summary = el("p", { class: "hint", "aria-live": "polite" });
  const list = el("div", { class: grid ? "jobs grid" : "jobs" });
  const empty = el("div", { class: "empty-state" }, [el("strong", { "data-i18n": "output.emptyTitle" }), el("span", { "data-i18n": emptyKey })]);
  container.append(summary, empty, list);

  function renderSummary() {
    const done = cards.filter((c) => isTerminal(c.job)).length;
    summary.textContent = cards.length > 1 ? t("output.batch", { done, total: cards.length }) : "";
    empty.hidden = cards.length > 0;
  }

  function remember() {
    const url = new URL(location.href);
    if (cards.length) url.searchParams.set("jobs", cards.map((c) => c.job.id).join(","));
    else url.searchParams.delete("jobs");
    history.replaceState(null, "", url);
  }

  async function again(job) {
    try {
      const next = await resubmit(job);
      const index = cards.findIndex((c) => c.job.id === job.id);
      const card = makeCard(next);
      if (index >= 0) { cards[index].element.replaceWith(card.element); cards[index].destroy(); cards[index] = card; }
      else { cards.push(card); list.append(card.element); }
      remember();
      renderSummary();
    } catch (err) {
      onError(err);
    }
  }

  const makeCard = (job) => createJobCard(job, { titleOf, onAgain: again, onChange: renderSummary });

  function show(jobs) {
    for (const c of cards) c.destroy();
    cards = jobs.map(makeCard);
    list.replaceChildren(...cards.map((c) => c.element));
    remember();
    renderSummary();
    cards[0]?.element.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  async function restore() {
    const ids = (new URL(location.href).searchParams.get("jobs") ?? "").split(",").filter(Boolean).slice(0, 20);
    if (!ids.length) { renderSummary(); return []; }
    const jobs = (await Promise.all(ids.map((id) => getJob(id).catch(() => null)))).filter(Boolean);
    show(jobs);
    return jobs;
  }

  onLangChange(renderSummary);
  renderSummary();
  return { show, restore, get jobs() { return cards.map((c) => c.job); } };
}
