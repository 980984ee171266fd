// DomainDesk's only script besides htmx and Bootstrap. No inline handlers: the CSP forbids them.
// Forms marked data-confirm ask before doing something that cannot be undone or costs money.
document.addEventListener('submit', function (event) {
  const form = event.target;
  const message = form.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
}, true);

// A form sent back with errors: each field in error says so (aria-invalid) and is described by its
// message, the first one takes the focus, and the messages are read out once by the page's polite
// live region. On a page load and after an htmx swap alike.
function labelOf(field) {
  const label = field.id ? document.querySelector('label[for="' + CSS.escape(field.id) + '"]') : null;
  return label ? label.textContent.replace(/\s+/g, ' ').trim() : (field.name || '');
}

function feedbackOf(field) {
  for (const id of (field.getAttribute('aria-describedby') || '').split(/\s+/)) {
    const described = id ? document.getElementById(id) : null;
    if (described && described.matches('.invalid-feedback')) {
      return described;
    }
    const inside = described ? described.querySelector('.invalid-feedback') : null;
    if (inside) {
      return inside;
    }
  }
  return field.parentElement ? field.parentElement.querySelector('.invalid-feedback') : null;
}

function showErrors(root, moveFocus) {
  const fields = Array.from(root.querySelectorAll('input.is-invalid, select.is-invalid, textarea.is-invalid'));
  if (fields.length === 0) {
    return;
  }
  const messages = [];
  fields.forEach(function (field) {
    field.setAttribute('aria-invalid', 'true');
    const feedback = feedbackOf(field);
    if (!feedback) {
      return;
    }
    if (!feedback.id) {
      feedback.id = (field.id || field.name) + '-error';
    }
    const described = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    if (!described.some(function (id) {
      const element = document.getElementById(id);
      return element && element.contains(feedback);
    })) {
      described.push(feedback.id);
      field.setAttribute('aria-describedby', described.join(' '));
    }
    messages.push(labelOf(field) + ': ' + feedback.textContent.replace(/\s+/g, ' ').trim());
  });
  if (moveFocus) {
    fields[0].focus();
  }
  const live = document.getElementById('announcer');
  if (live) {
    // Written after the page is shown, so that screen readers hear it as news.
    live.textContent = '';
    setTimeout(function () {
      live.textContent = messages.join(' · ');
    }, 250);
  }
}

document.addEventListener('DOMContentLoaded', function () {
  showErrors(document, true);
});
// Only a form sent by htmx moves the focus: a polled or filtered part re-read by GET never takes it away
// from where the user is.
document.addEventListener('htmx:afterSettle', function (event) {
  const request = event.detail && event.detail.requestConfig;
  showErrors(event.target, request != null && request.verb !== 'get');
});

// A table wider than the screen scrolls sideways inside its box: the box then takes the focus, so
// that the keyboard scrolls it too (a box that fits is no tab stop).
function scrollableByKeyboard(root) {
  root.querySelectorAll('.table-responsive').forEach(function (box) {
    if (box.scrollWidth > box.clientWidth) {
      box.tabIndex = 0;
    } else {
      box.removeAttribute('tabindex');
    }
  });
}

document.addEventListener('DOMContentLoaded', function () {
  scrollableByKeyboard(document);
});
document.addEventListener('htmx:afterSettle', function () {
  scrollableByKeyboard(document);
});
window.addEventListener('resize', function () {
  scrollableByKeyboard(document);
});
