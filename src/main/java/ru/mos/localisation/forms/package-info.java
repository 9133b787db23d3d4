/**
 * Officials' task forms ({@code bpmn/forms/*.form}): what each form shows an official, computed
 * when the task is created ({@link ru.mos.localisation.forms.TaskFormFacts}: the request card, the
 * task's own facts and the earlier decisions, Russian Markdown for form-js text views), and the
 * decisions officials took, recorded when a task is completed (table {@code official_decision},
 * {@link ru.mos.localisation.forms.OfficialDecisions}).
 */
package ru.mos.localisation.forms;
