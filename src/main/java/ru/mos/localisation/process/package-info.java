/**
 * The BPMN process {@code localisation-request} as a whole: its keys, messages and process-wide
 * variables, its fixed deadlines, the stage listener that keeps the registry in step, the investor's messages
 * ({@link ru.mos.localisation.process.InvestorMessages}, their one home), and the checks on
 * officials' decisions.
 */
package ru.mos.localisation.process;
