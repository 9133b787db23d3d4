package ru.mos.localisation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A logged-in session of Camunda's webapps, as a browser holds one: its cookies and the
 * {@code X-XSRF-TOKEN} that state-changing calls of the webapps' API need.
 */
public record WebappSession(HttpTestClient client, String xsrfToken) {

  /** As the browser does: Tasklist's page (session and XSRF token), then the login form. */
  public static WebappSession logIn(HttpTestClient http, String engine, String user, String password) {
    HttpTestClient client = http.withSession();
    client.get("/camunda/app/tasklist/" + engine + "/");
    String form =
        "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpTestClient.Reply login =
        client.request("POST", "/camunda/api/admin/auth/user/" + engine + "/login/tasklist")
            .header("Accept", "application/json")
            .header("X-XSRF-TOKEN", xsrfToken(client))
            .body("application/x-www-form-urlencoded", form)
            .send();
    if (login.statusCode() != 200) {
      throw new AssertionError("login of " + user + " failed: " + login);
    }
    // the session is new after the login: its first request hands out its own token
    client.get("/camunda/api/admin/auth/user/" + engine);
    return new WebappSession(client, xsrfToken(client));
  }

  private static String xsrfToken(HttpTestClient session) {
    return session.cookie("XSRF-TOKEN").orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
  }
}
