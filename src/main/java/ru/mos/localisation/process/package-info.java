/**
 * The BPMN process {@code localisation-request} as a whole: its key, messages and shared
 * variables, the stage listener that keeps the registry in step, the investor's messages
 * ({@link ru.mos.localisation.process.InvestorMessages}, their one home), and the checks on
 * officials' decisions.
 */
package ru.mos.localisation.process;
