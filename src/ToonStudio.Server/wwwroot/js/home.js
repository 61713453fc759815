// /: the two generators introduced, and which engines are usable right now.
import { initShell, el } from "./shell.js";
import { t, apply, onLangChange } from "./i18n.js";
import * as api from "./api.js";

initShell();
apply();
const box = document.getElementById("engine-status");
let info = null;

function render() {
  if (!info) return;
  box.replaceChildren(...info.engines.map((e) => el("span", {
    class: `badge ${!e.configured ? "badge-warn" : e.remote ? "badge-remote" : "badge-offline"}`,
    text: e.configured ? `${t(`engine.${e.name}`)} · ${t(e.remote ? "badge.remote" : "badge.offline")}`
      : t("engine.missing", { name: t(`engine.${e.name}`), setting: e.missingSetting ?? "" }),
  })));
}

api.engines().then((data) => { info = data; render(); }, () => {});
onLangChange(render);
