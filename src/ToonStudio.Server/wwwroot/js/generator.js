// Small pieces both generator pages share: the prompt counter and the engines/limits lookup.
import { t, onLangChange } from "./i18n.js";
import * as api from "./api.js";

export function wirePrompt(form, limits) {
  const area = form.elements.prompt;
  const counter = document.getElementById("prompt-counter");
  function update() {
    const max = limits()?.maxPromptLength;
    if (max) area.maxLength = max;
    counter.textContent = max ? t("field.counter", { n: area.value.length, max }) : "";
  }
  area.addEventListener("input", update);
  onLangChange(update);
  update();
  return { update };
}

/** Loads engine availability and upload limits; a failure leaves the server defaults in force. */
export async function loadEngines(fields, onLimits) {
  try {
    const info = await api.engines();
    fields.setEngines(info);
    onLimits(info.limits ?? null);
  } catch {
    fields.setEngines({ engines: [], defaults: {} });
  }
}
