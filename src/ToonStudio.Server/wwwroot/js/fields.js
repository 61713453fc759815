// The fields both generators share, with the earlier forms' defaults: aspect ratio (incl.
// match_input_image), output format, fixed or random seed, safety tolerance 0–2, and the engine with
// its availability. The ratios, formats and engines all come from GET /api/v1/engines: the server's
// catalogue is the only list; until it answers (or if it fails) those fields are empty and the
// server's defaults apply.
import { t, has, onLangChange } from "./i18n.js";
import { el } from "./shell.js";

function segmented(name, values, checked, labelOf) {
  return el("div", { class: "segmented" }, values.map((v) =>
    el("label", {}, [el("input", { type: "radio", name, value: v, checked: v === checked }), el("span", { text: labelOf(v), dataset: { value: v } })])));
}

/** Builds the shared fields into container; returns accessors used when submitting. */
export function mountCommonFields(container, { kind, aspectExtra }) {
  const aspect = el("select", { id: "aspect_ratio", name: "aspect_ratio" });
  let aspectValues = aspectExtra !== undefined ? [aspectExtra] : [];
  const renderAspect = () => {
    const selected = aspect.value || aspectValues[0];
    aspect.replaceChildren(...aspectValues.map((v) => el("option", {
      value: v, selected: v === selected,
      text: v === "match_input_image" ? t("aspect.match_input_image") : v === "" ? t("aspect.typeDefault") : v,
    })));
  };
  renderAspect();

  const format = el("div", { class: "segmented" });
  const renderFormats = (values) => {
    const selected = format.querySelector("input:checked")?.value ?? values[0];
    format.replaceChildren(...segmented("output_format", values, selected, (v) => v.toUpperCase()).childNodes);
  };
  const seedMode = segmented("seed_mode", ["random", "fixed"], "random", (v) => t(`seed.${v}`));
  const seedValue = el("input", { type: "number", id: "seed", name: "seed", min: "0", max: "2147483647", step: "1", inputmode: "numeric", disabled: true, "data-i18n-aria": "field.seedValue", "aria-describedby": "seed-error" });
  const safety = segmented("safety_tolerance", ["0", "1", "2"], "2", (v) => v);
  const engine = el("select", { id: "engine", name: "engine" });
  const badge = el("span", { class: "badge", hidden: true });

  const group = (labelKey, control, extra = []) =>
    el("fieldset", { class: "field" }, [el("legend", { "data-i18n": labelKey }), control, ...extra]);

  container.append(
    el("div", { class: "row" }, [
      el("div", { class: "field" }, [el("label", { for: "aspect_ratio", "data-i18n": "field.aspect" }), aspect,
        el("div", { class: "field-error", "data-error-for": "aspect_ratio" })]),
      group("field.format", format, [el("div", { class: "field-error", "data-error-for": "output_format" })]),
    ]),
    el("div", { class: "row" }, [
      group("field.seed", el("div", { class: "seed-row" }, [seedMode, seedValue]),
        [el("div", { class: "field-error", id: "seed-error", "data-error-for": "seed" })]),
      group("field.safety", safety, [el("span", { class: "hint", "data-i18n": "safety.hint" }),
        el("div", { class: "field-error", "data-error-for": "safety_tolerance" })]),
    ]),
    el("div", { class: "field" }, [
      el("label", { for: "engine", "data-i18n": "field.engine" }),
      el("div", { class: "engine-line" }, [engine, badge]),
      el("div", { class: "field-error", "data-error-for": "engine" }),
    ]),
  );

  seedMode.addEventListener("change", () => {
    const fixed = container.querySelector("input[name=seed_mode]:checked").value === "fixed";
    seedValue.disabled = !fixed;
    if (fixed && !seedValue.value) seedValue.value = String(Math.floor(Math.random() * 2 ** 31));
    if (fixed) seedValue.focus();
  });

  let info = null;
  function renderEngines() {
    const selected = engine.value;
    const list = (info?.engines ?? []).filter((e) => !e.kinds || e.kinds.includes(kind));
    const def = info?.defaults?.[kind];
    engine.replaceChildren(
      el("option", { value: "", text: t("engine.default", { name: def ? t(`engine.${def}`) : "…" }) }),
      ...list.map((e) => el("option", {
        value: e.name, disabled: !e.configured, selected: e.name === selected,
        text: e.configured ? t(`engine.${e.name}`) : t("engine.missing", { name: t(`engine.${e.name}`), setting: e.missingSetting ?? "" }),
      })));
    renderBadge();
  }
  function renderBadge() {
    const name = engine.value || info?.defaults?.[kind];
    const e = info?.engines?.find((x) => x.name === name);
    badge.hidden = !e;
    if (!e) return;
    const local = !e.remote;
    badge.className = `badge ${local ? "badge-offline" : "badge-remote"}`;
    badge.textContent = t(local ? "badge.offline" : "badge.remote");
  }
  engine.addEventListener("change", renderBadge);
  onLangChange(() => { renderAspect(); renderEngines(); seedMode.querySelectorAll("span").forEach((s) => { s.textContent = t(`seed.${s.dataset.value}`); }); });

  const check = (name, value) => {
    const input = [...container.querySelectorAll(`input[name=${name}]`)].find((i) => i.value === String(value));
    if (input) input.checked = true;
  };

  return {
    setEngines(data) {
      info = data;
      aspectValues = [...(aspectExtra !== undefined ? [aspectExtra] : []), ...(data.aspectRatios ?? [])];
      renderAspect();
      renderFormats(data.outputFormats ?? []);
      renderEngines();
    },
    /** Fills the fields from a job's parameters (a reopened job); the seed stays random. */
    setFrom(job) {
      const p = job.parameters ?? {};
      if (aspectValues.includes(p.aspectRatio)) aspect.value = p.aspectRatio;
      check("output_format", p.outputFormat === "jpg" ? "jpeg" : p.outputFormat);
      check("safety_tolerance", p.safetyTolerance);
      const option = [...engine.options].find((o) => o.value === job.engine && !o.disabled);
      if (option) { engine.value = job.engine; renderBadge(); }
    },
    /** Appends the shared fields to a FormData; omits seed when random and engine when default. */
    fill(form) {
      if (aspect.value) form.append("aspect_ratio", aspect.value);
      const chosen = container.querySelector("input[name=output_format]:checked");
      if (chosen) form.append("output_format", chosen.value);
      form.append("safety_tolerance", container.querySelector("input[name=safety_tolerance]:checked").value);
      if (!seedValue.disabled && seedValue.value.trim() !== "") form.append("seed", seedValue.value.trim());
      if (engine.value) form.append("engine", engine.value);
    },
  };
}

/** Shows an error next to its field (data-error-for) or in the form's banner; remembers it so a
 *  language switch re-renders it. Returns a function that clears it. */
export function createErrorDisplay(form, banner, limits) {
  let state = null;
  function message(err) {
    const vars = { field: has(`fieldName.${err.field}`) ? t(`fieldName.${err.field}`) : err.field ?? "", max: limits()?.maxPromptLength ?? "", code: err.code };
    const specific = err.field ? `error.${err.code}.${err.field}` : null;
    const key = specific && has(specific) ? specific : `error.${err.code}`;
    return has(key) ? t(key, vars) : t("error.unknown", vars);
  }
  function render() {
    banner.textContent = "";
    for (const node of form.querySelectorAll("[data-error-for]")) node.textContent = "";
    for (const node of form.querySelectorAll("[aria-invalid=true]")) node.setAttribute("aria-invalid", "false");
    if (!state) return;
    const text = message(state);
    const slot = state.field && form.querySelector(`[data-error-for="${state.field}"]`);
    if (slot) {
      slot.textContent = text;
      const control = form.querySelector(`[name="${state.field}"]`);
      const group = slot.closest("[role=group]");
      (group ?? control)?.setAttribute("aria-invalid", "true");
    } else {
      banner.textContent = text;
    }
  }
  onLangChange(render);
  return {
    show(err) { state = { code: err.code, field: err.field ?? null }; render(); },
    clear() { state = null; render(); },
  };
}
