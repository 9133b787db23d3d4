/** Tuning of the one PostgreSQL database that the engine and the application share. */
package ru.mos.localisation.database;
