// One job as a card: status, a progress bar fed by the watcher (stage, elapsed time, ETA), cancel,
// then the result with its inputs, download, "again with a new seed" and, for goods, the print file.
import { t, lang, duration, onLangChange } from "./i18n.js";
import { el } from "./shell.js";
import { cancelJob, resultUrl, isTerminal } from "./api.js";
import { watchJob } from "./job-watch.js";

const extension = { png: "png", jpeg: "jpg", jpg: "jpg", webp: "webp" };

export function fileName(job) {
  const ext = extension[job.parameters?.outputFormat] ?? "png";
  const what = job.kind === "goods" ? `goods-${job.parameters?.goodsType ?? "item"}` : "ppl";
  return `toonstudio-${what}-${job.id}.${ext}`;
}

/** A card that follows the job until it ends. titleOf(job) names it; onAgain(job) re-runs it. */
export function createJobCard(initial, { titleOf, onAgain, onChange = () => {} }) {
  let job = initial;
  let connection = "live";
  let canceling = false;
  let error = null;

  const title = el("span", { class: "job-title" });
  const status = el("span", { class: "status", role: "status" });
  const engine = el("span", { class: "badge" });
  const fill = el("div", { class: "fill" });
  const bar = el("div", { class: "progress", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100" }, [fill]);
  const meta = el("div", { class: "job-meta" });
  const notice = el("div", { class: "hint", "aria-live": "polite" });
  const failure = el("div", { class: "job-error", role: "alert", hidden: true });
  const image = el("img", { class: "result-image", hidden: true, alt: "" });
  const inputs = el("div", { class: "inputs-strip" });
  const actions = el("div", { class: "job-actions" });
  const element = el("article", { class: "card job", dataset: { jobId: job.id } }, [
    el("div", { class: "job-head" }, [title, engine, status]), bar, meta, notice, failure, image, inputs, actions,
  ]);
  element.setAttribute("aria-label", titleOf(job));

  let lastShape = "";
  function seconds(from, to) { return (new Date(to ?? Date.now()) - new Date(from)) / 1000; }

  function render() {
    const done = isTerminal(job);
    title.textContent = titleOf(job);
    element.setAttribute("aria-label", titleOf(job));
    status.textContent = t(`status.${job.status}`);
    status.dataset.status = job.status;
    engine.textContent = t(`engine.${job.engine}`);
    engine.className = `badge ${job.engine === "local" ? "badge-offline" : "badge-remote"}`;

    const pct = done ? (job.status === "succeeded" ? 100 : Math.round((job.progress ?? 0) * 100)) : Math.round((job.progress ?? 0) * 100);
    bar.hidden = done;
    bar.classList.toggle("indeterminate", !done && pct === 0);
    fill.style.width = `${pct}%`;
    bar.setAttribute("aria-valuenow", String(pct));
    bar.setAttribute("aria-label", t("job.progressLabel"));
    bar.setAttribute("aria-valuetext", `${pct}%${job.stage ? ` · ${t(`stage.${job.stage}`)}` : ""}`);

    const parts = [];
    if (!done && job.stage) parts.push(el("span", { text: t(`stage.${job.stage}`) }));
    const start = job.startedAt ?? job.createdAt;
    if (start) parts.push(el("span", {}, [`${t("job.elapsed")} `, el("b", { text: duration(seconds(start, done ? job.completedAt : null)) })]));
    if (!done) {
      const eta = job.etaSeconds;
      parts.push(el("span", {}, [`${t("job.eta")} `, el("b", { text: eta == null ? t("job.etaUnknown") : t("job.etaAbout", { t: duration(eta) }) })]));
    }
    if (done && job.parameters?.seed != null) parts.push(el("span", {}, [`${t("job.seed")} `, el("b", { text: String(job.parameters.seed) })]));
    meta.replaceChildren(...parts);

    notice.textContent = done ? "" : canceling ? t("job.canceling")
      : connection === "reconnecting" ? t("job.reconnecting") : connection === "polling" ? t("job.polling") : "";

    const code = error?.code ?? job.error?.code ?? (job.status === "timed_out" ? "generation_timeout" : job.status === "canceled" ? "canceled" : null);
    failure.hidden = !code || job.status === "succeeded";
    if (code) failure.textContent = t(`error.${code}`) === `error.${code}` ? t("error.unknown", { code }) : t(`error.${code}`);

    if (job.status === "succeeded") {
      const src = resultUrl(job);
      if (image.getAttribute("src") !== src) image.src = src;
      image.alt = `${t("job.result")} — ${titleOf(job)}`;
      image.hidden = false;
    }
    // Buttons and thumbnails are rebuilt only when they change, so keyboard focus survives the ticks.
    const shape = `${job.status}|${canceling}|${lang()}|${job.inputs?.length}|${job.artifacts?.length}`;
    if (shape === lastShape) return;
    lastShape = shape;
    inputs.replaceChildren(...(job.inputs?.length ? [el("span", { text: t("job.inputs") }),
      ...job.inputs.map((url, i) => el("img", { src: url, alt: t("job.inputAlt", { n: i + 1 }), loading: "lazy" }))] : []));

    const buttons = [];
    if (!done) {
      buttons.push(el("button", { type: "button", class: "btn btn-danger", text: t("action.cancel"), disabled: canceling, onclick: cancel }));
    } else if (job.status === "succeeded") {
      buttons.push(el("a", { class: "btn btn-primary", href: resultUrl(job), download: fileName(job), text: t("action.download") }));
      for (const a of job.artifacts ?? []) {
        const key = a.name.endsWith(".svg") ? "action.cutline" : "action.print";
        buttons.push(el("a", { class: "btn", href: a.url, download: `toonstudio-${job.id}-${a.name}`, text: t(key) }));
      }
    }
    if (done && onAgain) buttons.push(el("button", { type: "button", class: "btn", text: t("action.again"), onclick: () => onAgain(job) }));
    actions.replaceChildren(...buttons);
  }

  async function cancel() {
    canceling = true;
    render();
    try { update(await cancelJob(job.id)); } catch (err) { error = err; }
    canceling = false;
    render();
  }

  function update(next) {
    if (!next || next.id !== job.id) return;
    // Snapshots race (the cancel answer vs. the stream's final event): an ended job never goes back to running.
    if (isTerminal(job) && !isTerminal(next)) return;
    job = next;
    render();
    onChange(job);
  }

  let watcher = null;
  if (!isTerminal(job)) {
    watcher = watchJob(job.id, {
      onUpdate: update,
      onConnection: (state) => { connection = state; render(); },
      onError: (err) => { error = err; render(); },
    });
  }
  const ticker = setInterval(() => { if (isTerminal(job)) clearInterval(ticker); else render(); }, 1000);
  const unsubscribe = onLangChange(render);
  render();

  return {
    element,
    get job() { return job; },
    destroy() { watcher?.stop(); clearInterval(ticker); unsubscribe(); element.remove(); },
  };
}
