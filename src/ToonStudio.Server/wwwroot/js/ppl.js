// /ppl-gen/: character (image 1) + product (image 2) + prompt → one PPL job.
import { initShell } from "./shell.js";
import { t, apply } from "./i18n.js";
import * as api from "./api.js";
import { createImageSlot, installPaste } from "./images.js";
import { mountCommonFields, createErrorDisplay } from "./fields.js";
import { createOutput, inputFiles } from "./output.js";
import { wirePrompt, loadEngines } from "./generator.js";

initShell();
let limits = null;
const form = document.getElementById("gen-form");
const submitButton = form.querySelector("button[type=submit]");
const slots = [...form.querySelectorAll("[data-image-input]")].map((root) => createImageSlot(root, () => limits));
installPaste(slots);
const fields = mountCommonFields(document.getElementById("common-fields"), { kind: "ppl" });
const errors = createErrorDisplay(form, document.getElementById("form-error"), () => limits);
const prompt = wirePrompt(form, () => limits);
const output = createOutput(document.getElementById("output"), {
  emptyKey: "output.emptyPpl", titleOf: () => t("job.ppl"), onError: (err) => errors.show(err),
});

apply();
const engines = loadEngines(fields, (l) => { limits = l; prompt.update(); });

// A reopened job (reload, history) also refills the form, so the next run starts from it.
output.restore().then(async (jobs) => {
  const job = jobs[0];
  if (!job || slots.some((s) => s.value) || form.elements.prompt.value) return;
  form.elements.prompt.value = job.parameters?.prompt ?? "";
  prompt.update();
  await engines;
  fields.setFrom(job);
  const files = await inputFiles(job).catch(() => []);
  files.forEach((file, i) => slots[i]?.take(file));
}, () => {});

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  errors.clear();
  const missing = slots.find((s) => !s.value);
  if (missing) { errors.show({ code: "invalid_parameter", field: missing.name }); missing.root.focus(); return; }
  const data = new FormData();
  data.append("prompt", form.elements.prompt.value);
  for (const s of slots) data.append(s.name, s.value.blob, s.value.name);
  fields.fill(data);
  submitButton.disabled = true;
  submitButton.textContent = t("action.submitting");
  try {
    output.show([await api.submit("ppl", data)]);
  } catch (err) {
    errors.show(err);
    form.querySelector(`[name="${err.field}"]`)?.focus();
  } finally {
    submitButton.disabled = false;
    submitButton.textContent = t("action.generate");
  }
});
