/** The priority decision (DMN {@code localisation-priority}) put in words for officials. */
package ru.mos.localisation.decision;
