package ru.mos.localisation.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the webapps' {@code XSRF-TOKEN} cookie {@code Secure} exactly when the request came over
 * TLS (as nginx reports it in {@code X-Forwarded-Proto}), the rule Tomcat applies to the session
 * cookie. Camunda's CSRF filter writes that cookie as a raw {@code Set-Cookie} header and can only
 * make it Secure always ({@code camunda.bpm.webapp.csrf.enable-secure-cookie}), which a browser
 * then drops over plain HTTP in development; this filter wraps the response ahead of it.
 */
public class SecureCsrfCookieFilter extends OncePerRequestFilter {

  private static final String COOKIE = "XSRF-TOKEN=";
  private static final Pattern SECURE_ATTRIBUTE = Pattern.compile(";\\s*Secure\\s*(;|$)", Pattern.CASE_INSENSITIVE);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, request.isSecure() ? new SecureCsrfCookie(response) : response);
  }

  private static final class SecureCsrfCookie extends HttpServletResponseWrapper {

    SecureCsrfCookie(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addHeader(String name, String value) {
      super.addHeader(name, secured(name, value));
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, secured(name, value));
    }

    private static String secured(String name, String value) {
      if (value != null && HttpHeaders.SET_COOKIE.equalsIgnoreCase(name) && value.startsWith(COOKIE)
          && !SECURE_ATTRIBUTE.matcher(value).find()) {
        return value + ";Secure";
      }
      return value;
    }
  }
}
