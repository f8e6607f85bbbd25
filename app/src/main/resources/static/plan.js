// The plan comparison chart of the shortlist page. The plan arrives by htmx, so charts are drawn whenever htmx
// loads new content; the numbers come from the data-plan-chart attribute (JSON written and escaped by the server).
(function () {
  "use strict";

  function draw(root) {
    var canvases = (root.querySelectorAll ? root.querySelectorAll("canvas[data-plan-chart]") : []);
    Array.prototype.forEach.call(canvases, function (canvas) {
      if (canvas.dataset.drawn) {
        return;
      }
      canvas.dataset.drawn = "1";
      var d = JSON.parse(canvas.dataset.planChart);
      new Chart(canvas, {
        type: "bar",
        data: {
          labels: d.labels,
          datasets: [
            { label: d.objectiveName, data: d.objective, backgroundColor: "#2f6fde", yAxisID: "y" },
            { label: "cost", data: d.cost, backgroundColor: "#e0862d", yAxisID: "cost" }
          ]
        },
        options: {
          maintainAspectRatio: false,
          scales: {
            y: { beginAtZero: true, position: "left", title: { display: true, text: d.objectiveName } },
            cost: { beginAtZero: true, position: "right", grid: { drawOnChartArea: false }, title: { display: true, text: "cost" } }
          }
        }
      });
    });
  }

  document.addEventListener("htmx:load", function (e) { draw(e.detail.elt); });
  document.addEventListener("DOMContentLoaded", function () { draw(document); });
})();
