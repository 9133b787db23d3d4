package ru.mos.localisation.request;

import java.util.List;

/** One page of a registry listing. */
public record RequestPage(List<LocalisationRequest> items, int page, int size, long totalElements) {

  public long totalPages() {
    return size == 0 ? 0 : (totalElements + size - 1) / size;
  }
}
