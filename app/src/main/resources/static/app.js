// Small behaviours shared by every page. No inline scripts: pages pass data in data-* attributes.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
}, true);

// Slow plain form posts (uploads): disable the button so a second click cannot resubmit, and say what is happening.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (event.defaultPrevented || !(form instanceof HTMLFormElement) || !form.dataset.busy) {
    return;
  }
  var button = form.querySelector("button[type=submit]");
  var status = form.querySelector(".busy");
  window.setTimeout(function () {
    if (button) { button.disabled = true; }
    if (status) { status.textContent = form.dataset.busy; }
  }, 0);
});

// "Export … CSV" buttons inside htmx forms: download the same form's fields from the button's address instead of
// letting htmx post the form (it would swap the file into the page). Without JavaScript formaction does this.
document.addEventListener("click", function (event) {
  var button = event.target instanceof Element ? event.target.closest("button[data-export]") : null;
  if (!button || !button.form) {
    return;
  }
  event.preventDefault();
  var params = new URLSearchParams(new FormData(button.form));
  window.location.href = button.getAttribute("formaction") + "?" + params.toString();
});
