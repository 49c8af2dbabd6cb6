/** The copy buttons of the result page, served from korso's own origin (the CSP allows no inline script). */
export const COPY_SCRIPT = `document.addEventListener('click', function (event) {
  var button = event.target.closest && event.target.closest('button[data-copy]');
  if (!button) return;
  var source = document.getElementById(button.getAttribute('data-copy'));
  if (!source || !navigator.clipboard) return;
  var label = button.textContent;
  navigator.clipboard.writeText(source.textContent.trim()).then(function () {
    button.textContent = '✓';
    setTimeout(function () { button.textContent = label; }, 1500);
  });
});
`;
