// The jobs API of the same origin. Every failure becomes an ApiError carrying the server's code
// (and field), which the pages turn into a message from the dictionary.
import { lang } from "./i18n.js";

export class ApiError extends Error {
  constructor(code, status, field, detail) {
    super(detail || code);
    this.code = code;
    this.status = status;
    this.field = field ?? null;
  }
}

async function request(method, url, { body, headers = {} } = {}) {
  let response;
  try {
    response = await fetch(url, {
      method, body, headers: { "Accept": "application/json", "Accept-Language": lang(), ...headers },
    });
  } catch {
    throw new ApiError("network", 0);
  }
  if (response.status === 204) return null;
  const isJson = (response.headers.get("Content-Type") || "").includes("json");
  const data = isJson ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const code = data?.code || (response.status === 404 ? "not_found" : "internal_error");
    // API keys are on and this browser has no session yet: sign in, then come back here.
    if (code === "unauthorized") location.assign(`/login/?return=${encodeURIComponent(location.pathname + location.search)}`);
    throw new ApiError(code, response.status, data?.field ?? data?.errors?.field, data?.detail || data?.error);
  }
  return data;
}

const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`);

/** POSTs a multipart form; one fresh Idempotency-Key per click so a double submit makes one job. */
export const submit = (path, form) =>
  request("POST", `/api/v1/${path}`, { body: form, headers: { "Idempotency-Key": newKey() } });

export const getJob = (id) => request("GET", `/api/v1/jobs/${encodeURIComponent(id)}`);
export const cancelJob = (id) => request("POST", `/api/v1/jobs/${encodeURIComponent(id)}/cancel`);
export const deleteJob = (id) => request("DELETE", `/api/v1/jobs/${encodeURIComponent(id)}`);
export const engines = () => request("GET", "/api/v1/engines");
export const goodsTypes = () => request("GET", "/api/v1/goods/types");

export function listJobs({ kind, limit = 24, before } = {}) {
  const q = new URLSearchParams({ limit: String(limit) });
  if (kind) q.set("kind", kind);
  if (before) q.set("before", before);
  return request("GET", `/api/v1/jobs?${q}`);
}

export const eventsUrl = (id) => `/api/v1/jobs/${encodeURIComponent(id)}/events`;
export const resultUrl = (job) => job.resultUrl || `/api/v1/jobs/${encodeURIComponent(job.id)}/result`;

export const isTerminal = (job) => ["succeeded", "failed", "canceled", "timed_out"].includes(job.status);
