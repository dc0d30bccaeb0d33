package org.voiceai.service.tenant;

import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

import org.voiceai.tenant.DomainId;

/** Gives controller methods the {@link DomainId} the tenant guard checked. */
class DomainArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == DomainId.class;
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
		Object domain = exchange.getAttribute(TenantWebFilter.DOMAIN_ATTRIBUTE);
		if (domain == null) {
			return Mono.error(new IllegalStateException(
					"No guarded domain for " + exchange.getRequest().getPath() + ": is the endpoint outside /api/?"));
		}
		return Mono.just(domain);
	}

}
