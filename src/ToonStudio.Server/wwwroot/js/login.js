// /login/ (only when the server has API keys): the form posts natively to /api/auth/session, which answers
// with an HttpOnly session cookie and a redirect. This module only carries the page to return to and shows
// a refused key.
import { initShell } from "./shell.js";

initShell();
const params = new URLSearchParams(location.search);
const target = params.get("return");
if (target && target.startsWith("/") && !target.startsWith("//")) {
  document.getElementById("login-return").value = target;
}
document.getElementById("login-failed").hidden = params.get("failed") !== "1";
document.getElementById("api-key").focus();
