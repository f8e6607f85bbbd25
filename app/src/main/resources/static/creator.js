// Charts of the creator page. The data comes from the data-charts attribute (JSON written and escaped by the
// server); creator text never reaches this script, only numbers, days and post ids.
(function () {
  "use strict";

  function day(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }

  function percent(v) {
    return (v * 100).toFixed(v < 0.01 ? 2 : 1) + "%";
  }

  function compact(n) {
    return Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 }).format(n);
  }

  var timeAxis = { type: "linear", ticks: { callback: day, maxTicksLimit: 6 } };

  function erChart(canvas, data) {
    if (!data || data.posts.length === 0) {
      return null;
    }
    var xs = data.posts.map(function (p) { return p.t; });
    var datasets = [{
      label: "ER per post",
      data: data.posts.map(function (p) { return { x: p.t, y: p.er, id: p.postId }; }),
      showLine: true,
      borderColor: "#2f6fde",
      backgroundColor: "#2f6fde",
      pointRadius: 3
    }];
    if (data.median !== null) {
      datasets.push({
        label: "median " + percent(data.median),
        data: [{ x: Math.min.apply(null, xs), y: data.median }, { x: Math.max.apply(null, xs), y: data.median }],
        showLine: true,
        borderColor: "#e0862d",
        borderDash: [6, 4],
        pointRadius: 0
      });
    }
    return new Chart(canvas, {
      type: "scatter",
      data: { datasets: datasets },
      options: {
        maintainAspectRatio: false,
        scales: { x: timeAxis, y: { beginAtZero: true, ticks: { callback: percent } } },
        plugins: {
          tooltip: {
            callbacks: {
              label: function (ctx) {
                return "post of " + day(ctx.raw.x) + ": " + percent(ctx.raw.y);
              }
            }
          }
        }
      }
    });
  }

  function followersChart(canvas, data) {
    if (!data || data.history.length === 0) {
      return null;
    }
    return new Chart(canvas, {
      type: "scatter",
      data: {
        datasets: [{
          label: "spikes",
          data: data.spikes.map(function (s) { return { x: s.t, y: s.after, added: s.added }; }),
          borderColor: "#d23b3b",
          backgroundColor: "#d23b3b",
          pointRadius: 6,
          pointStyle: "triangle"
        }, {
          label: "followers",
          data: data.history.map(function (h) { return { x: h.t, y: h.followers }; }),
          showLine: true,
          borderColor: "#2f6fde",
          backgroundColor: "#2f6fde",
          pointRadius: 0,
          borderWidth: 2
        }]
      },
      options: {
        maintainAspectRatio: false,
        scales: { x: timeAxis, y: { ticks: { callback: compact } } },
        plugins: {
          tooltip: {
            callbacks: {
              label: function (ctx) {
                var extra = ctx.raw.added !== undefined ? " (+" + compact(ctx.raw.added) + ")" : "";
                return day(ctx.raw.x) + ": " + compact(ctx.raw.y) + extra;
              }
            }
          }
        }
      }
    });
  }

  function peersChart(canvas, data) {
    if (!data || (data.curve.length === 0 && !data.creator)) {
      return null;
    }
    var datasets = [];
    if (data.creator) {
      datasets.push({
        label: "this creator",
        data: [{ x: data.creator.followers, y: data.creator.er }],
        backgroundColor: "#d23b3b",
        borderColor: "#d23b3b",
        pointRadius: 7
      });
    }
    if (data.curve.length > 0) {
      datasets.push({
        label: "expected ER (" + data.platform + " pool fit)",
        data: data.curve.map(function (p) { return { x: p.followers, y: p.er }; }),
        showLine: true,
        borderColor: "#e0862d",
        pointRadius: 0,
        borderWidth: 2
      });
    }
    datasets.push({
      label: "other " + data.platform + " creators",
      data: data.pool.map(function (p) { return { x: p.followers, y: p.er }; }),
      backgroundColor: "rgba(47, 111, 222, 0.25)",
      borderColor: "rgba(47, 111, 222, 0.25)",
      pointRadius: 2
    });
    return new Chart(canvas, {
      type: "scatter",
      data: { datasets: datasets },
      options: {
        maintainAspectRatio: false,
        scales: {
          x: { type: "logarithmic", title: { display: true, text: "followers" }, ticks: { callback: compact } },
          y: { type: "logarithmic", title: { display: true, text: "median ER" }, ticks: { callback: percent } }
        },
        plugins: {
          tooltip: {
            callbacks: {
              label: function (ctx) {
                return ctx.dataset.label + ": " + compact(ctx.raw.x) + " followers, " + percent(ctx.raw.y);
              }
            }
          }
        }
      }
    });
  }

  function draw() {
    var holder = document.getElementById("charts");
    if (!holder || typeof Chart === "undefined") {
      return;
    }
    var data = JSON.parse(holder.dataset.charts);
    // Tick labels and tooltips are short; keep animations off so screenshots and slow machines show final charts.
    Chart.defaults.animation = false;
    erChart(document.getElementById("chart-er"), data.engagement);
    followersChart(document.getElementById("chart-followers"), data.followers);
    peersChart(document.getElementById("chart-peers"), data.peers);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
