/**
 * What officials and the board see in Camunda's webapps: the official groups, Tasklist filters
 * and task cards, and the least-privilege grants for Tasklist and Cockpit, set up at start-up.
 */
package ru.mos.localisation.webapps;
