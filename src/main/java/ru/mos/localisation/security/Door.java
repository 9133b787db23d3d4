package ru.mos.localisation.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The application's three doors, each answering a refusal in its own error format: the investor
 * API in problem+json, Camunda's REST API and the webapps' API in Camunda's {@code {type, message}}.
 * A filter that refuses a request early answers the way the door would have.
 */
public enum Door {
  INVESTOR_API,
  ENGINE_REST,
  WEBAPP;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Camunda's webapp login: {@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}. */
  private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

  /** Whether the request is a login to one of Camunda's webapps (username and password in the form). */
  public static boolean isWebappLogin(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path(request)).matches();
  }

  /** The door a request came through. */
  public static Door of(HttpServletRequest request) {
    String path = path(request);
    // HTTP Basic answered in problem+json like the investor API: the operators' endpoints
    // (/actuator/notifications, /actuator/prometheus) and the board's register (/supervision/api,
    // also with a Cockpit session)
    if (path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/supervision/")) {
      return INVESTOR_API;
    }
    return path.startsWith("/engine-rest/") ? ENGINE_REST : WEBAPP;
  }

  /**
   * The path as the servlets see it (decoded, normalised, without path parameters): what decides
   * which resource answers, so the filters match exactly that and cannot be steered past.
   */
  public static String path(HttpServletRequest request) {
    String servletPath = request.getServletPath();
    String pathInfo = request.getPathInfo();
    return (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
  }

  /**
   * Writes the refusal.
   *
   * @param camundaType the {@code type} of Camunda's format, as Camunda names its exceptions
   */
  public void refuse(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String camundaType, String message)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    if (this == INVESTOR_API) {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      body.put("type", "about:blank");
      body.put("title", status.getReasonPhrase());
      body.put("status", status.value());
      body.put("detail", message);
      body.put("instance", request.getRequestURI());
    } else {
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      body.put("type", camundaType);
      body.put("message", message);
      body.put("code", null);
    }
    response.setStatus(status.value());
    JSON.writeValue(response.getOutputStream(), body);
  }
}
