package ru.mos.localisation.supervision;

import java.util.List;

/** One page of the register. */
public record RegisterPage(List<RegisterRow> items, int page, int size, long totalElements) {}
