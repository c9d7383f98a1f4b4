// Hostwright page behaviour, kept out of the HTML so the Content-Security-Policy can forbid inline script.
(function () {
  // htmx requests carry the CSRF token like forms do
  document.addEventListener('htmx:configRequest', function (e) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { e.detail.headers[header.content] = token.content; }
  });

  // confirm before destructive actions: <form data-confirm="Are you sure?">
  document.addEventListener('submit', function (e) {
    var msg = e.target.getAttribute && e.target.getAttribute('data-confirm');
    if (msg && !window.confirm(msg)) { e.preventDefault(); }
  }, true);

  // copy buttons: <button data-copy="#id"> or data-copy-text="value"
  document.addEventListener('click', function (e) {
    var btn = e.target.closest('[data-copy],[data-copy-text]');
    if (btn) {
      var text = btn.getAttribute('data-copy-text');
      if (text === null) {
        var el = document.querySelector(btn.getAttribute('data-copy'));
        text = el ? (el.value !== undefined && el.value !== '' ? el.value : el.textContent) : '';
      }
      navigator.clipboard && navigator.clipboard.writeText(text.trim());
      var old = btn.innerHTML;
      btn.innerHTML = '<i class="bi bi-check2"></i>';
      setTimeout(function () { btn.innerHTML = old; }, 1200);
      return;
    }
    // show/hide toggles: <button data-toggle-secret="#id">
    var toggle = e.target.closest('[data-toggle-secret]');
    if (toggle) {
      var input = document.querySelector(toggle.getAttribute('data-toggle-secret'));
      if (input) { input.type = input.type === 'password' ? 'text' : 'password'; }
    }
  });

  // errors tied to their fields, on every form whichever way its template wrote the field: a control
  // shown invalid gets aria-invalid, and aria-describedby naming the error text that follows it
  function errorAfter(control) {
    var start = control.closest('.input-group, .form-check') || control;
    for (var el = start.nextElementSibling; el; el = el.nextElementSibling) {
      if (el.matches('.invalid-feedback, .invalid-tooltip')) { return el; }
      if (el.matches('input, select, textarea, .input-group, .form-check')) { return null; }
    }
    return null;
  }
  function tieErrors(root) {
    root.querySelectorAll('input.is-invalid, select.is-invalid, textarea.is-invalid').forEach(function (control, i) {
      control.setAttribute('aria-invalid', 'true');
      var feedback = errorAfter(control);
      if (!feedback || !feedback.textContent.trim()) { return; }
      if (!feedback.id) { feedback.id = (control.id || control.name || 'field-' + i) + '-error'; }
      var ids = (control.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      if (ids.indexOf(feedback.id) < 0) {
        ids.push(feedback.id);
        control.setAttribute('aria-describedby', ids.join(' '));
      }
    });
  }
  tieErrors(document);
  document.addEventListener('htmx:afterSwap', function (e) { tieErrors(e.target); });
})();
