// Payment status polling for the waiting page (/pay/{order}) and the order page (/order/{order}).
(function () {
  var pay = document.getElementById('pay-page');
  var order = document.getElementById('order-page');
  var root = pay || order;
  if (!root) { return; }
  var url = root.getAttribute('data-status-url');
  var interval = 2000;
  var stopAfter = Date.now() + 15 * 60 * 1000;

  function poll() {
    if (Date.now() > stopAfter) { return; }
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) { return setTimeout(poll, interval * 2); }
        if (pay) {
          var text = document.getElementById('pay-status-text');
          if (text && s.message) { text.textContent = s.message; }
          if (s.paid) { window.location.assign(s.order_url); return; }
          if (s.done) { window.location.reload(); return; }
        } else if (s.order_status !== order.getAttribute('data-status')) {
          window.location.reload();
          return;
        }
        setTimeout(poll, interval);
      })
      .catch(function () { setTimeout(poll, interval * 2); });
  }

  // the countdown to the request's timeout; "send it again" opens when it ends (the server
  // refuses a new request before that anyway)
  var countdown = document.getElementById('pay-countdown');
  if (countdown) {
    var expiresAt = Date.parse(countdown.getAttribute('data-expires-at'));
    var remaining = document.getElementById('pay-remaining');
    var again = document.getElementById('send-again');
    var tick = function () {
      var left = Math.max(0, Math.ceil((expiresAt - Date.now()) / 1000));
      remaining.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
      if (left === 0) {
        if (again) { again.disabled = false; }
        return;
      }
      setTimeout(tick, 1000);
    };
    tick();
  }

  var shouldPoll = pay ? pay.getAttribute('data-waiting') === 'true'
    : (order.getAttribute('data-status') === 'pending' || order.getAttribute('data-status') === 'paid');
  if (shouldPoll) { setTimeout(poll, interval); }
})();
