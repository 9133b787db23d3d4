package ru.mos.localisation.request.web;

import java.util.List;

/** One page of a listing with what a client needs to page on. */
public record PageView<T>(List<T> items, int page, int size, long totalElements, long totalPages) {}
