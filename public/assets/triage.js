/* global document */
// Keyboard triage for the review queues: j/k move between items, c confirms (verifies) the current one,
// d moves to its dismiss/reject reason, ? toggles the help. Everything still works without this script.
(function () {
  'use strict';
  var container = document.querySelector('[data-triage]');
  if (!container) return;
  var items = Array.prototype.slice.call(container.querySelectorAll('[data-triage-item]'));
  if (items.length === 0) return;
  var current = -1;

  function isTyping(target) {
    var tag = target && target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable);
  }

  function select(index) {
    if (index < 0 || index >= items.length) return;
    if (current >= 0) items[current].classList.remove('current');
    current = index;
    var item = items[current];
    item.classList.add('current');
    item.focus({ preventScroll: false });
    item.scrollIntoView({ block: 'start' });
  }

  function itemOf(node) {
    while (node && node !== container) {
      if (node.hasAttribute && node.hasAttribute('data-triage-item')) return items.indexOf(node);
      node = node.parentNode;
    }
    return -1;
  }

  document.addEventListener('focusin', function (event) {
    var index = itemOf(event.target);
    if (index >= 0 && index !== current) {
      if (current >= 0) items[current].classList.remove('current');
      current = index;
      items[current].classList.add('current');
    }
  });

  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    var item = items[current >= 0 ? current : 0];
    switch (event.key) {
      case 'j':
        select(current + 1);
        break;
      case 'k':
        select(current <= 0 ? 0 : current - 1);
        break;
      case 'c': {
        var confirm = item.querySelector('[data-triage-confirm]');
        if (!confirm) return;
        confirm.focus();
        confirm.click();
        break;
      }
      case 'd': {
        var dismiss = item.querySelector('[data-triage-dismiss]');
        if (!dismiss) return;
        var reason = dismiss.form && dismiss.form.querySelector('textarea');
        (reason || dismiss).focus();
        break;
      }
      case '?': {
        var help = document.getElementById('keyboard-help');
        if (help) {
          help.open = !help.open;
          if (help.open) help.querySelector('summary').focus();
        }
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  });

  var hint = document.createElement('p');
  hint.className = 'muted small';
  hint.textContent = 'Keyboard: j / k to move, c to confirm, d to dismiss, ? for help.';
  container.parentNode.insertBefore(hint, container);
})();
