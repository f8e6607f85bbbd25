// The campaign board's charts: clicks and orders per day, and the creators side by side. The numbers come from the
// data-campaign-chart attribute (JSON written and escaped by the server).
(function () {
  "use strict";

  function draw() {
    var holder = document.querySelector("[data-campaign-chart]");
    if (!holder || typeof Chart === "undefined") {
      return;
    }
    var d = JSON.parse(holder.dataset.campaignChart);
    var days = document.getElementById("chart-days");
    if (days && d.days.length > 0) {
      new Chart(days, {
        type: "line",
        data: {
          labels: d.days,
          datasets: [
            { label: "clicks", data: d.clicks, borderColor: "#2f6fde", yAxisID: "y" },
            { label: "orders", data: d.orders, borderColor: "#e0862d", yAxisID: "orders" }
          ]
        },
        options: {
          maintainAspectRatio: false,
          scales: {
            y: { beginAtZero: true, title: { display: true, text: "clicks" } },
            orders: { beginAtZero: true, position: "right", grid: { drawOnChartArea: false },
                      title: { display: true, text: "orders" } }
          }
        }
      });
    }
    var creators = document.getElementById("chart-creators");
    if (creators && d.creators.length > 0) {
      new Chart(creators, {
        type: "bar",
        data: {
          labels: d.creators,
          datasets: [
            { label: "engagements", data: d.engagements, backgroundColor: "#2f6fde", yAxisID: "y" },
            { label: "clicks", data: d.creatorClicks, backgroundColor: "#7aa7f0", yAxisID: "y" },
            { label: "conversions", data: d.conversions, backgroundColor: "#e0862d", yAxisID: "conv" }
          ]
        },
        options: {
          maintainAspectRatio: false,
          scales: {
            y: { beginAtZero: true },
            conv: { beginAtZero: true, position: "right", grid: { drawOnChartArea: false },
                    title: { display: true, text: "conversions" } }
          }
        }
      });
    }
  }

  document.addEventListener("DOMContentLoaded", draw);
})();
