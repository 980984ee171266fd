// DomainDesk's only script besides htmx and Bootstrap. No inline handlers: the CSP forbids them.
// Forms marked data-confirm ask before doing something that cannot be undone or costs money.
document.addEventListener('submit', function (event) {
  const form = event.target;
  const message = form.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
}, true);
