package org.voiceai.logging;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import org.voiceai.tenant.DomainId;

/**
 * Puts the request's domain and call into the log context: the {@code X-Domain-UUID} / {@code X-Call-UUID} headers,
 * else the {@code domain_uuid} / {@code call_uuid} query parameters. Values that are not UUIDs are ignored here (the
 * endpoints reject them), so nothing a caller sends can forge log content.
 */
public class LogContextWebFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		UUID domain = uuid(request, "X-Domain-UUID", LogContext.DOMAIN_UUID);
		UUID call = uuid(request, "X-Call-UUID", LogContext.CALL_UUID);
		if (domain == null && call == null) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange).contextWrite(LogContext.of((domain != null) ? new DomainId(domain) : null, call));
	}

	private static UUID uuid(ServerHttpRequest request, String header, String parameter) {
		String value = request.getHeaders().getFirst(header);
		if (value == null) {
			value = request.getQueryParams().getFirst(parameter);
		}
		if (value == null) {
			return null;
		}
		try {
			return UUID.fromString(value.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
