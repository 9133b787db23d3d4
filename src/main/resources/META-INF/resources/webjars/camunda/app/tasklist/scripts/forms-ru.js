/*
 * Localisation Approval: Tasklist for officials, in two respects its configuration cannot reach.
 *
 * 1. Camunda Forms (form-js 1.8.7) write their validation messages in English only ("Field is
 *    required."), and "Select" in an empty select (the site officer's). This module watches the
 *    page and puts each in Russian.
 * 2. Tasklist sorts a filter's list by creation date unless the address says otherwise, and shows
 *    that choice. Officials work by due date: an address without a sorting gets «Срок, по
 *    возрастанию», the filters' own order (their definitions sort by due date, then priority).
 *
 * Loaded through requireJsConfig in config.js, as an AngularJS module.
 */
define(['angular'], function (angular) {
  'use strict';

  var MESSAGES = [
    [/^Field is required\.$/, function () { return 'Заполните поле.'; }],
    [/^Field must have minimum length of (\d+)\.$/, function (m) { return 'Не короче ' + m[1] + ' знаков.'; }],
    [/^Field must have maximum length of (\d+)\.$/, function (m) { return 'Не длиннее ' + m[1] + ' знаков.'; }],
    [/^Field must have minimum value of (.+)\.$/, function (m) { return 'Не меньше ' + m[1] + '.'; }],
    [/^Field must have maximum value of (.+)\.$/, function (m) { return 'Не больше ' + m[1] + '.'; }],
    [/^Field must match pattern .*$/, function () { return 'Значение не подходит: проверьте формат, указанный в подсказке.'; }],
    [/^Field must be a valid email\.$/, function () { return 'Укажите адрес электронной почты, например invest@example.cn.'; }],
    [/^Field must be a valid\s+international phone number.*$/, function () { return 'Укажите телефон в международном формате, например +74951234567.'; }]
  ];

  function russian(text) {
    var trimmed = (text || '').trim();
    for (var i = 0; i < MESSAGES.length; i++) {
      var match = MESSAGES[i][0].exec(trimmed);
      if (match) {
        return MESSAGES[i][1](match);
      }
    }
    return null;
  }

  /** The words form-js puts in an empty select and its search box. */
  var PLACEHOLDERS = { Select: 'Выберите площадку', Search: 'Поиск' };

  function translatePlaceholders(root) {
    var shown = root.querySelectorAll('.fjs-form .fjs-select-placeholder');
    for (var i = 0; i < shown.length; i++) {
      // the text node itself, which form-js keeps and updates when a value is chosen
      var node = shown[i].firstChild;
      if (node && node.nodeType === 3 && PLACEHOLDERS[node.data.trim()]) {
        node.data = PLACEHOLDERS[node.data.trim()];
      }
    }
    var inputs = root.querySelectorAll('.fjs-form input[placeholder]');
    for (var j = 0; j < inputs.length; j++) {
      var placeholder = inputs[j].getAttribute('placeholder');
      if (PLACEHOLDERS[placeholder]) {
        inputs[j].setAttribute('placeholder', PLACEHOLDERS[placeholder]);
      }
    }
  }

  function translateErrors(root) {
    if (!root || !root.querySelectorAll) {
      return;
    }
    translatePlaceholders(root);
    var errors = root.querySelectorAll('.fjs-form-field-error');
    for (var i = 0; i < errors.length; i++) {
      var walker = document.createTreeWalker(errors[i], NodeFilter.SHOW_TEXT, null);
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        var translated = russian(node.data);
        if (translated && translated !== node.data) {
          node.data = translated;
        }
      }
    }
  }

  function watchForms() {
    translateErrors(document.body);
    new MutationObserver(function () {
      translateErrors(document.body);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  if (document.body) {
    watchForms();
  } else {
    document.addEventListener('DOMContentLoaded', watchForms);
  }

  var BY_DUE_DATE = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

  return angular.module('cam.tasklist.officials', []).run([
    '$rootScope',
    '$location',
    function ($rootScope, $location) {
      function sortByDueDate() {
        var search = $location.search();
        if (!search.sorting && $location.path() === '/') {
          $location.search('sorting', BY_DUE_DATE).replace();
        }
      }
      $rootScope.$on('$locationChangeSuccess', sortByDueDate);
    }
  ]);
});
