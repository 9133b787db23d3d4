/**
 * The priority decision (DMN {@code localisation-priority}): its variables, its outputs put in words
 * for officials, and its environmental-review requirement for rules outside the process.
 */
package ru.mos.localisation.decision;
