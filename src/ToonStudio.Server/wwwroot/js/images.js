// Image slots: file picker, drag-and-drop and paste, a preview, and a downscale + re-encode in the
// browser when a picture is over the server's byte or pixel limit (before and after sizes shown).
import { t, bytes, onLangChange } from "./i18n.js";
import { el } from "./shell.js";

const accepted = ["image/png", "image/jpeg", "image/webp"];
let counter = 0;

async function encode(bitmap, width, height, type) {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, type, 0.9));
}

/** The file as it will be uploaded: itself when within the limits, else a smaller re-encode. */
export async function prepareImage(file, limits) {
  if (!accepted.includes(file.type)) throw Object.assign(new Error(), { code: "unsupported_image" });
  let bitmap;
  try { bitmap = await createImageBitmap(file); } catch { throw Object.assign(new Error(), { code: "readImage" }); }
  const { width, height } = bitmap;
  const maxBytes = limits?.maxUploadBytes ?? 5 * 1024 * 1024;
  const maxPixels = limits?.maxPixels ?? 40_000_000;
  if (file.size <= maxBytes && width * height <= maxPixels) {
    bitmap.close();
    return { blob: file, name: file.name, width, height, before: file.size, resized: false };
  }
  // JPEG stays JPEG; PNG and WebP become WebP, which keeps the alpha channel.
  const type = file.type === "image/jpeg" ? "image/jpeg" : "image/webp";
  let scale = Math.min(1, Math.sqrt((maxPixels * 0.98) / (width * height)));
  for (let attempt = 0; attempt < 8; attempt++) {
    const w = Math.max(1, Math.round(width * scale));
    const h = Math.max(1, Math.round(height * scale));
    const blob = await encode(bitmap, w, h, type);
    if (blob && blob.size <= maxBytes * 0.98) {
      bitmap.close();
      const base = file.name.replace(/\.[^.]+$/, "") || "image";
      return { blob, name: `${base}.${type === "image/jpeg" ? "jpg" : "webp"}`, width: w, height: h, before: file.size, resized: true };
    }
    scale *= 0.8;
  }
  bitmap.close();
  throw Object.assign(new Error(), { code: "shrinkFailed", max: bytes(maxBytes) });
}

/** Turns <div class="drop" data-image-input="field" data-label="key" data-tag="key"> into a slot. */
export function createImageSlot(root, getLimits) {
  const id = `img-${++counter}`;
  const name = root.dataset.imageInput;
  let current = null;
  let errorState = null;

  const title = el("div", { class: "drop-title", id: `${id}-label`, "data-i18n": root.dataset.label });
  const preview = el("img", { alt: "", hidden: true });
  const meta = el("div", { class: "drop-meta", "aria-live": "polite" });
  const hint = el("p", { class: "hint" }, [el("span", { "data-i18n": "drop.hint" })]);
  const input = el("input", { type: "file", id: `${id}-file`, accept: accepted.join(","), tabindex: "-1", "aria-labelledby": `${id}-label`, name });
  const choose = el("button", { type: "button", class: "btn btn-sm btn-primary", "data-i18n": "drop.choose", onclick: () => input.click() });
  const remove = el("button", { type: "button", class: "btn btn-sm", "data-i18n": "drop.remove", hidden: true, onclick: () => clear() });
  const error = el("div", { class: "field-error", id: `${id}-error`, "data-error-for": name, "aria-live": "polite" });
  root.setAttribute("role", "group");
  root.setAttribute("aria-labelledby", `${id}-label`);
  root.setAttribute("aria-describedby", `${id}-error`);
  root.tabIndex = 0;
  root.append(
    root.dataset.tag ? el("span", { class: "drop-tag", "data-i18n": root.dataset.tag }) : "",
    title, preview, meta, hint, el("div", { class: "drop-actions" }, [choose, remove]), input, error,
    el("span", { class: "hint", "data-i18n": "drop.formats" }),
  );

  function renderMeta() {
    if (!current) { meta.textContent = ""; return; }
    meta.replaceChildren(`${current.width}×${current.height} · `,
      current.resized
        ? el("span", { class: "resized", text: t("drop.resized", { before: bytes(current.before), after: bytes(current.blob.size) }) })
        : bytes(current.before));
  }
  function renderError() {
    error.textContent = errorState ? t(`error.${errorState.code}`, { max: errorState.max ?? "" }) : "";
    root.setAttribute("aria-invalid", errorState ? "true" : "false");
  }

  async function take(file) {
    if (!file) return;
    errorState = null;
    meta.textContent = t("drop.reading");
    try {
      const prepared = await prepareImage(file, getLimits());
      if (preview.src) URL.revokeObjectURL(preview.src);
      current = prepared;
      preview.src = URL.createObjectURL(prepared.blob);
      preview.alt = t(root.dataset.label);
      preview.hidden = false;
      root.classList.add("has-image");
      remove.hidden = false;
      choose.dataset.i18n = "drop.replace";
      choose.textContent = t("drop.replace");
      hint.hidden = true;
      root.dispatchEvent(new CustomEvent("imagechange", { bubbles: true }));
    } catch (err) {
      errorState = { code: err.code || "readImage", max: err.max };
    }
    renderMeta();
    renderError();
  }

  function clear() {
    if (preview.src) URL.revokeObjectURL(preview.src);
    current = null;
    preview.removeAttribute("src");
    preview.hidden = true;
    root.classList.remove("has-image");
    remove.hidden = true;
    choose.dataset.i18n = "drop.choose";
    choose.textContent = t("drop.choose");
    hint.hidden = false;
    input.value = "";
    renderMeta();
    root.dispatchEvent(new CustomEvent("imagechange", { bubbles: true }));
  }

  input.addEventListener("change", () => take(input.files?.[0]));
  root.addEventListener("dragover", (e) => { e.preventDefault(); root.classList.add("dragover"); });
  // dragleave also fires when the pointer moves onto a child; only leaving the slot itself counts.
  root.addEventListener("dragleave", (e) => { if (!root.contains(e.relatedTarget)) root.classList.remove("dragover"); });
  root.addEventListener("drop", (e) => {
    e.preventDefault();
    root.classList.remove("dragover");
    take([...(e.dataTransfer?.files ?? [])].find((f) => f.type.startsWith("image/")) ?? e.dataTransfer?.files?.[0]);
  });
  onLangChange(() => { renderMeta(); renderError(); if (current) preview.alt = t(root.dataset.label); });

  return {
    name, root,
    get value() { return current; },
    take, clear,
    setError(code) { errorState = code ? { code } : null; renderError(); },
  };
}

/** Ctrl+V anywhere: the image goes to the focused slot, else the first empty one, else the first. */
export function installPaste(slots) {
  document.addEventListener("paste", (e) => {
    const file = [...(e.clipboardData?.files ?? [])].find((f) => f.type.startsWith("image/"));
    if (!file) return;
    e.preventDefault();
    const target = slots.find((s) => s.root.contains(document.activeElement))
      ?? slots.find((s) => !s.value) ?? slots[0];
    target.take(file);
  });
}
