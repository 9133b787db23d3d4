/**
 * HTTP plumbing of every door: error answers (problem+json on the investor API, Camunda's format on
 * its REST API, from the kernel's refusals), body limits, the OpenAPI document, quiet logging of
 * refusals, and a database outage answered with 503.
 */
package ru.mos.localisation.web;
