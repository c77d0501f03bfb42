// wiretrace: the little JavaScript the pages use. Verdict forms send PATCH /api/claims/{id} with the
// analyst's token, asked for once and kept in this tab's sessionStorage. Text goes in with textContent
// only, never as HTML.
"use strict";

function verdictToken() {
  let token = sessionStorage.getItem("wiretrace-token");
  if (!token) {
    token = window.prompt("Write token of this server (from --token-file):") || "";
    if (token) sessionStorage.setItem("wiretrace-token", token);
  }
  return token;
}

async function sendVerdict(form) {
  const result = form.querySelector(".verdict-result");
  const token = verdictToken();
  if (!token) { result.textContent = "no token given"; return; }
  const body = { verdict: form.elements.verdict.value };
  if (form.elements.note.value) body.note = form.elements.note.value;
  const response = await fetch("/api/claims/" + encodeURIComponent(form.dataset.claim), {
    method: "PATCH",
    headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token },
    body: JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (response.ok) {
    result.textContent = "saved: " + data.verdict;
  } else {
    if (response.status === 401 || response.status === 403) sessionStorage.removeItem("wiretrace-token");
    result.textContent = (data.error && data.error.message) || ("error " + response.status);
  }
}

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.classList.contains("verdict-form")) {
    event.preventDefault();
    sendVerdict(form);
  }
});
