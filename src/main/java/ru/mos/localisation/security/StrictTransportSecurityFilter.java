package ru.mos.localisation.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends {@code Strict-Transport-Security} on every response to a request that came over TLS (as
 * nginx reports it in {@code X-Forwarded-Proto}), and never over plain HTTP (RFC 6797, 7.2). Camunda's
 * own webapp HSTS header cannot do that: it is sent on every response, so it stays off. The header is
 * Spring Security's default, the same the investor API's filter chain writes.
 */
public class StrictTransportSecurityFilter extends OncePerRequestFilter {

  private final HstsHeaderWriter hsts = new HstsHeaderWriter();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    hsts.writeHeaders(request, response);
    chain.doFilter(request, response);
  }
}
