/**
 * The shared kernel, depending on no feature: what every module means by a registry number
 * ({@link ru.mos.localisation.shared.RegistryNumbers}), by plain text, and by a refused call
 * ({@link ru.mos.localisation.shared.RefusedException}: invalid input, not found, conflict), which
 * every door answers with its 4xx.
 */
package ru.mos.localisation.shared;
