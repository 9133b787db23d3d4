package ru.mos.localisation.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The published OpenAPI document of the investor API ({@code /api/v1/openapi}). */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  @Bean
  OpenAPI investorApiDocument() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Localisation Approval — investor API")
                .version("v1")
                .description(
                    "File requests to localise production in Moscow, follow them and answer the city. "
                        + "Errors are application/problem+json (RFC 9457)."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
