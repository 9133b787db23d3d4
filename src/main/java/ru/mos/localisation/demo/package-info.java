/** The demo profile: demo users, sample industrial sites (never in production). */
package ru.mos.localisation.demo;
