/** The Cockpit plugin's endpoints ({@code /supervision/api/**}) and the register's CSV. */
package ru.mos.localisation.supervision.web;
