/**
 * How the engine and the application use their one database at scale: officials' task queries
 * with their authorizations in subqueries, the history level that keeps decisions' history and
 * drops technical detail, indexes and planner settings on PostgreSQL.
 */
package ru.mos.localisation.database;
