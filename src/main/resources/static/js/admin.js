// Admin console behaviour (kept out of the HTML for the Content-Security-Policy).
(function () {
  function series(canvas) {
    return {
      labels: (canvas.getAttribute('data-labels') || '').split('|'),
      values: (canvas.getAttribute('data-values') || '').split(',').map(Number),
      label: canvas.getAttribute('data-label') || ''
    };
  }
  function draw(id, type, color) {
    var canvas = document.getElementById(id);
    if (!canvas || typeof Chart === 'undefined') { return; }
    var s = series(canvas);
    new Chart(canvas, {
      type: type,
      data: { labels: s.labels, datasets: [{ label: s.label, data: s.values, borderColor: color,
        backgroundColor: type === 'bar' ? color : 'rgba(109, 40, 217, .12)', fill: type === 'line', tension: .3,
        borderRadius: type === 'bar' ? 6 : 0, pointRadius: 3 }] },
      options: { responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { grid: { display: false } } } }
    });
  }
  draw('orders-chart', 'line', '#6d28d9');
  draw('revenue-chart', 'bar', '#8b5cf6');
})();
