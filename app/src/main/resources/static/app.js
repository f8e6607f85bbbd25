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

// Lets the stylesheet collapse what a script can open again (Discover's facets at phone width); without scripts
// everything stays shown.
document.documentElement.classList.add("js");

document.addEventListener("click", function (event) {
  var toggle = event.target instanceof Element ? event.target.closest(".facets-toggle") : null;
  if (!toggle) {
    return;
  }
  var box = toggle.closest(".facets");
  var open = !box.classList.contains("open");
  box.classList.toggle("open", open);
  toggle.setAttribute("aria-expanded", open ? "true" : "false");
});

// Discover keeps its whole state in the URL. Empty fields are left out of it so a shared link reads well.
document.addEventListener("htmx:configRequest", function (event) {
  var form = event.detail.elt;
  if (!(form instanceof HTMLFormElement) || form.id !== "discover-form" || !event.detail.formData) {
    return;
  }
  var data = event.detail.formData;
  Array.from(data.keys()).forEach(function (key) {
    if (data.getAll(key).every(function (v) { return typeof v === "string" && v.trim() === ""; })) {
      data.delete(key);
    }
  });
});

// Back and forward: htmx restores the page from its snapshot, where inputs show the values the page was first
// rendered with, not those of the search being returned to. The URL has them, so the form is filled from it.
function fillDiscoverForm() {
  var form = document.getElementById("discover-form");
  if (!form) {
    return;
  }
  var params = new URLSearchParams(window.location.search);
  Array.prototype.forEach.call(form.elements, function (el) {
    if (!el.name || el.type === "submit" || el.type === "button") {
      return;
    }
    var value = params.get(el.name) || "";
    if (el.name === "sort" && value === "relevance") {
      value = "";
    }
    if (el.tagName === "SELECT" && !Array.prototype.some.call(el.options, function (o) { return o.value === value; })) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      el.appendChild(option);
    }
    el.value = value;
  });
}
document.addEventListener("htmx:historyRestore", fillDiscoverForm);
window.addEventListener("pageshow", function (event) {
  if (event.persisted) {
    fillDiscoverForm();
  }
});

// A Discover search whose answer is not a Discover page (a proxy's or the server's own error page, a dropped
// connection) must not replace the page: the message goes into the results area and the form keeps working.
function discoverProblem(text) {
  var results = document.getElementById("results");
  if (!results) {
    return;
  }
  var notice = document.createElement("div");
  notice.className = "notice error";
  notice.id = "search-error";
  notice.setAttribute("role", "alert");
  notice.textContent = text;
  results.replaceChildren(notice);
}
function fromDiscoverForm(event) {
  var config = event.detail && event.detail.requestConfig;
  return !!document.getElementById("discover-form") && !!config && config.verb === "get"
      && typeof config.path === "string" && config.path.split("?")[0] === "/discover";
}
document.addEventListener("htmx:beforeSwap", function (event) {
  if (!fromDiscoverForm(event)) {
    return;
  }
  var xhr = event.detail.xhr;
  if (event.detail.shouldSwap && xhr && xhr.responseText.indexOf('id="results"') < 0) {
    event.detail.shouldSwap = false;
    discoverProblem("The search could not run: the server answered " + xhr.status
        + (xhr.status === 400 || xhr.status === 431 || xhr.status === 414
            ? " (the request was too large). Shorten the keywords or the brief and search again."
            : ". Search again; if it keeps failing, reload the page."));
  }
});
document.addEventListener("htmx:responseError", function (event) {
  if (fromDiscoverForm(event)) {
    discoverProblem("The search could not run: the server answered " + event.detail.xhr.status
        + ". Search again; if it keeps failing, reload the page.");
  }
});
document.addEventListener("htmx:sendError", function (event) {
  if (fromDiscoverForm(event)) {
    discoverProblem("The search could not reach the server. Check that microreach is still running, then search again.");
  }
});

// On a phone the open filter box would push the results a screen down; the chips above the results already show
// which filters are in force. It stays open when a field in it needs a change.
function foldDiscoverFilters() {
  var box = document.querySelector("#discover-form .filters-box");
  if (box && window.matchMedia("(max-width: 800px)").matches && !box.querySelector("[aria-invalid=true]")) {
    box.open = false;
  }
}
foldDiscoverFilters();
document.addEventListener("htmx:afterSettle", function (event) {
  if (event.detail.target && event.detail.target.id === "main") {
    foldDiscoverFilters();
  }
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

// CSRF: every state-changing htmx request carries the page's token as a header (forms also carry it as a field).
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector("meta[name=csrf-token]");
  var header = document.querySelector("meta[name=csrf-header]");
  if (token && header && event.detail.verb !== "get") {
    event.detail.headers[header.content] = token.content;
  }
});
