/**
 * Screening of the investor against the city's list (delegate {@code screenInvestor}), comparing
 * names as people read them ({@link ru.mos.localisation.screening.ScreeningNames}).
 */
package ru.mos.localisation.screening;
