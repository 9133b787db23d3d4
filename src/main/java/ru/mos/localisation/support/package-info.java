/** Mosprom's support package (table {@code support_package}, delegate {@code registerSupportPackage}). */
package ru.mos.localisation.support;
