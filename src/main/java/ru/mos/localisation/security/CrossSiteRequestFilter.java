package ru.mos.localisation.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing call (any method but GET, HEAD, OPTIONS) that a browser made on behalf
 * of another site: a foreign page's form or script must not deploy, start or complete anything with
 * credentials the browser remembers. Browsers say where a request comes from in
 * {@code Sec-Fetch-Site} and {@code Origin}, and a page cannot forge either; a request is refused
 * (403 in its door's error format) when {@code Sec-Fetch-Site} is {@code cross-site} or
 * {@code same-site}, or when its {@code Origin} is not this server's own. Server-to-server clients
 * send neither header and are not affected.
 *
 * <p>Checking the headers was chosen over requiring a custom header: it costs the API's clients
 * nothing (portals, scripts, curl), and a browser that sends neither header does not exist any more.
 */
public class CrossSiteRequestFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> FOREIGN_SITES = Set.of("cross-site", "same-site");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!SAFE_METHODS.contains(request.getMethod()) && fromAnotherSite(request)) {
      Door.of(request).refuse(request, response, HttpStatus.FORBIDDEN, "CrossSiteRequestException",
          "A call that changes state is not accepted from another site's page");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean fromAnotherSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null && FOREIGN_SITES.contains(fetchSite.strip().toLowerCase(Locale.ROOT))) {
      return true;
    }
    String origin = request.getHeader("Origin");
    return origin != null && !origin.strip().equalsIgnoreCase(ownOrigin(request));
  }

  /**
   * This server's origin as the browser addressed it: scheme, host and port after nginx's
   * {@code X-Forwarded-*} headers, the port left out when it is the scheme's default.
   */
  static String ownOrigin(HttpServletRequest request) {
    String scheme = request.getScheme().toLowerCase(Locale.ROOT);
    int port = request.getServerPort();
    boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    String host = request.getServerName();
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]"; // an IPv6 literal
    }
    return scheme + "://" + host + (defaultPort || port <= 0 ? "" : ":" + port);
  }
}
