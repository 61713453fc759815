// /goods-gen/: one character + one or more goods types → one job, or a batch shown as a grid.
import { initShell, el } from "./shell.js";
import { t, apply, lang, onLangChange } from "./i18n.js";
import * as api from "./api.js";
import { createImageSlot, installPaste } from "./images.js";
import { mountCommonFields, createErrorDisplay } from "./fields.js";
import { createOutput, inputFiles } from "./output.js";
import { wirePrompt, loadEngines } from "./generator.js";

initShell();
let limits = null;
let catalog = [];
const form = document.getElementById("gen-form");
const submitButton = form.querySelector("button[type=submit]");
const typeGrid = document.getElementById("type-grid");
const colorBox = document.getElementById("color-box");
const slot = createImageSlot(form.querySelector("[data-image-input]"), () => limits);
installPaste([slot]);
const fields = mountCommonFields(document.getElementById("common-fields"), { kind: "goods" });
const errors = createErrorDisplay(form, document.getElementById("form-error"), () => limits);
const prompt = wirePrompt(form, () => limits);
const nameOf = (type) => type?.name?.[lang()] ?? type?.name?.en ?? type?.id ?? "";
const titleOf = (job) => {
  const type = catalog.find((x) => x.id === job.parameters?.goodsType);
  const color = type?.colors?.find((c) => c.id === job.parameters?.goodsColor);
  return [nameOf(type) || t("job.goods"), color ? nameOf(color) : null].filter(Boolean).join(" · ");
};
const output = createOutput(document.getElementById("output"), {
  emptyKey: "output.emptyGoods", titleOf, grid: true, onError: (err) => errors.show(err),
});

/** A colour dot; set through the CSSOM because the CSP forbids inline style attributes. */
function swatch(hex) {
  const dot = el("span", { class: "swatch" });
  dot.style.background = hex;
  return dot;
}

const selected = () => [...typeGrid.querySelectorAll("input:checked")].map((i) => i.value);

function renderTypes() {
  const chosen = new Set(selected());
  typeGrid.replaceChildren(...catalog.map((type) => el("label", { class: "type-card" }, [
    el("input", { type: "checkbox", name: "goods_type", value: type.id, checked: chosen.has(type.id) }),
    el("span", { class: "face" }, [
      el("span", { class: "name", text: nameOf(type) }),
      el("span", { class: "meta", text: [type.printSizeMm ? t("goods.printSize", { w: type.printSizeMm.width, h: type.printSizeMm.height }) : "", type.dieCut ? t("goods.dieCut") : ""].filter(Boolean).join(" · ") }),
      el("span", { class: "swatches", "aria-hidden": "true" }, (type.colors ?? []).slice(0, 8).map((c) => swatch(c.hex))),
    ]),
  ])));
  renderSelection();
}

function renderSelection() {
  const ids = selected();
  document.getElementById("type-count").textContent = t("goods.selectedCount", { n: ids.length });
  submitButton.textContent = ids.length > 1 ? t("action.generateBatch", { n: ids.length }) : t("action.generateGoods");
  const type = ids.length === 1 ? catalog.find((x) => x.id === ids[0]) : null;
  const previous = colorBox.querySelector("input:checked")?.value ?? "";
  if (!type || !type.colors?.length) {
    colorBox.replaceChildren(el("span", { class: "hint", text: t("color.onlyOne") }));
    return;
  }
  const option = (value, label, hex) => el("label", {}, [
    el("input", { type: "radio", name: "goods_color", value, checked: value === previous || (!value && !type.colors.some((c) => c.id === previous)) }),
    hex ? swatch(hex) : "",
    label,
  ]);
  colorBox.replaceChildren(option("", t("color.default")), ...type.colors.map((c) => option(c.id, nameOf(c), c.hex)));
}

typeGrid.addEventListener("change", renderSelection);
onLangChange(renderTypes);
apply();
const engines = loadEngines(fields, (l) => { limits = l; prompt.update(); });
api.goodsTypes().then(async (data) => {
  catalog = data.types ?? [];
  renderTypes();
  const jobs = await output.restore();
  if (jobs.length) await refill(jobs);
}, (err) => errors.show(err));

/** A reopened job or batch (reload, history) also refills the form, so the next run starts from it. */
async function refill(jobs) {
  if (slot.value || form.elements.prompt.value || selected().length) return;
  const types = new Set(jobs.map((j) => j.parameters?.goodsType).filter(Boolean));
  for (const box of typeGrid.querySelectorAll("input")) box.checked = types.has(box.value);
  renderSelection();
  const color = jobs.length === 1 ? jobs[0].parameters?.goodsColor : null;
  if (color) colorBox.querySelector(`input[value="${CSS.escape(color)}"]`)?.click();
  form.elements.prompt.value = jobs[0].parameters?.prompt ?? "";
  prompt.update();
  await engines;
  fields.setFrom(jobs[0]);
  const [file] = await inputFiles(jobs[0]).catch(() => []);
  if (file) slot.take(file);
}

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  errors.clear();
  const ids = selected();
  if (!slot.value) { errors.show({ code: "invalid_parameter", field: "input_image" }); slot.root.focus(); return; }
  if (!ids.length) { errors.show({ code: "invalid_parameter", field: "goods_type" }); typeGrid.querySelector("input")?.focus(); return; }
  const data = new FormData();
  data.append("prompt", form.elements.prompt.value);
  data.append("input_image", slot.value.blob, slot.value.name);
  for (const id of ids) data.append("goods_type", id);
  const color = colorBox.querySelector("input:checked")?.value;
  if (ids.length === 1 && color) data.append("goods_color", color);
  fields.fill(data);
  submitButton.disabled = true;
  submitButton.textContent = t("action.submitting");
  try {
    const answer = await api.submit(ids.length > 1 ? "goods/batch" : "goods", data);
    output.show(answer.jobs ?? [answer]);
  } catch (err) {
    errors.show(err);
  } finally {
    submitButton.disabled = false;
    renderSelection();
  }
});
