package ru.mos.localisation.supervision;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A targeted exception to the engine's query results limit, for Cockpit's own calls: the pages of
 * a process (or decision) definition and of an instance list every version of the definition —
 * {@code GET …/process-definition?key=…&sortBy=version&sortOrder=desc} — without a page size,
 * which the limit ({@code queryMaxResultsLimit}) answers with 400, twice on each such page. A
 * query for one key's versions is bounded by the number of deployments, so here, and only here,
 * the page Cockpit left out is added: the first {@code queryMaxResultsLimit} versions. Every other
 * unbounded list still answers 400.
 */
class CockpitVersionQueries extends OncePerRequestFilter {

  /** The webapps' engine API: the lists of definitions Cockpit asks the versions of. */
  private static final Pattern DEFINITIONS =
      Pattern.compile("/camunda/api/engine/engine/[^/]+/(process|decision|decision-requirements)-definition/?");

  private final IntSupplier limit;

  CockpitVersionQueries(IntSupplier limit) {
    this.limit = limit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(isVersionsOfOneKeyWithoutPage(request) ? new Paged(request, limit.getAsInt()) : request, response);
  }

  static boolean isVersionsOfOneKeyWithoutPage(HttpServletRequest request) {
    String path = (request.getServletPath() == null ? "" : request.getServletPath()) + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return "GET".equals(request.getMethod())
        && DEFINITIONS.matcher(path).matches()
        && request.getParameter("key") != null
        && "version".equals(request.getParameter("sortBy"))
        && request.getParameter("maxResults") == null
        && request.getParameter("firstResult") == null;
  }

  /** The same request with {@code firstResult=0&maxResults=<limit>} added to its query. */
  private static final class Paged extends HttpServletRequestWrapper {

    private final String queryString;
    private final Map<String, String[]> parameters;

    Paged(HttpServletRequest request, int limit) {
      super(request);
      this.queryString = request.getQueryString() + "&firstResult=0&maxResults=" + limit;
      java.util.LinkedHashMap<String, String[]> parameters = new java.util.LinkedHashMap<>(request.getParameterMap());
      parameters.put("firstResult", new String[] {"0"});
      parameters.put("maxResults", new String[] {Integer.toString(limit)});
      this.parameters = java.util.Collections.unmodifiableMap(parameters);
    }

    @Override
    public String getQueryString() {
      return queryString;
    }

    @Override
    public String getParameter(String name) {
      String[] values = parameters.get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return parameters;
    }

    @Override
    public java.util.Enumeration<String> getParameterNames() {
      return java.util.Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      String[] values = parameters.get(name);
      return values == null ? null : Arrays.copyOf(values, values.length);
    }
  }
}
