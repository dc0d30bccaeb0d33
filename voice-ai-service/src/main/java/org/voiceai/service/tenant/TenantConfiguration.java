package org.voiceai.service.tenant;

import java.time.Clock;
import java.util.Arrays;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

import org.voiceai.sharedstate.SharedState;
import org.voiceai.tenant.DomainId;
import org.voiceai.tenant.ServiceToken;

/** The tenant guard's wiring, and how the OpenAPI document describes it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ServiceSecurityProperties.class, RateLimitProperties.class })
class TenantConfiguration implements WebFluxConfigurer {

	private static final String BEARER = "serviceToken";

	@Override
	public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
		configurer.addCustomResolver(new DomainArgumentResolver());
	}

	@Bean
	ServiceToken serviceToken(Environment environment) {
		return ServiceToken.resolve(environment);
	}

	@Bean
	DomainDirectory domainDirectory(DatabaseClient database, ServiceSecurityProperties properties) {
		return new DomainDirectory(database, properties.domainCacheTtl());
	}

	@Bean
	TenantWebFilter tenantWebFilter(ServiceToken token, DomainDirectory domains, JsonMapper json) {
		return new TenantWebFilter(token, domains, json);
	}

	@Bean
	RateLimitWebFilter rateLimitWebFilter(SharedState state, RateLimitProperties limits, JsonMapper json,
			ObjectProvider<Clock> clock) {
		return new RateLimitWebFilter(state, limits, clock.getIfAvailable(Clock::systemUTC), json);
	}

	@Bean
	OpenAPI voiceAiOpenApi() {
		return new OpenAPI()
			.info(new Info().title("voice-ai-service")
				.description("Turn-based API for FreeSWITCH and FusionPBX. Every /api/v1 call needs the service token "
						+ "and the X-Domain-UUID header of an enabled FusionPBX domain."))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	@Bean
	OperationCustomizer domainHeaderParameter() {
		return (operation, handler) -> {
			boolean guarded = Arrays.stream(handler.getMethodParameters())
				.anyMatch((parameter) -> parameter.getParameterType() == DomainId.class);
			if (guarded) {
				operation.addParametersItem(new HeaderParameter().name(TenantWebFilter.DOMAIN_HEADER)
					.required(true)
					.description("domain_uuid of the FusionPBX domain (tenant) the call acts for")
					.schema(new StringSchema().format("uuid")));
			}
			return operation;
		};
	}

}
