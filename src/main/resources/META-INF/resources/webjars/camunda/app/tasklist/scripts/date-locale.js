/*
 * Localisation Approval: keeps dates in the language of the labels.
 *
 * Tasklist loads the browser's locale (ru.json) and the fallback (en.json) side by side, and each
 * file's dateLocales, once loaded, switches moment.js's global locale: whichever file arrives last
 * decides, so a Russian page showed "in 10 days" or "через 10 дн." at random. After every locale
 * file has loaded this module sets moment back to the language Tasklist uses for its labels.
 * Loaded through requireJsConfig in config.js.
 */
define(['angular'], function (angular) {
  'use strict';

  return angular.module('cam.tasklist.dateLocale', []).run([
    '$rootScope',
    '$translate',
    'amMoment',
    function ($rootScope, $translate, amMoment) {
      function followLabels() {
        var language = $translate.use() || $translate.proposedLanguage();
        if (language) {
          amMoment.changeLocale(language);
        }
      }

      $rootScope.$on('$translateLoadingEnd', followLabels);
      $rootScope.$on('$translateChangeSuccess', followLabels);
      followLabels();
    }
  ]);
});
