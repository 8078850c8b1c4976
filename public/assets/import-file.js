/* global document */
// Reads a chosen CSV file into the import form's text box, so the file need not be pasted by hand.
// Without this script the text box alone works.
(function () {
  'use strict';
  var input = document.querySelector('[data-csv-file]');
  var target = document.querySelector('[data-csv-text]');
  if (!input || !target) return;
  input.hidden = false;
  var label = document.querySelector('label[for="' + input.id + '"]');
  if (label) label.hidden = false;
  input.addEventListener('change', function () {
    var file = input.files && input.files[0];
    if (!file) return;
    file.text().then(function (text) {
      target.value = text;
      target.focus();
    });
  });
})();
