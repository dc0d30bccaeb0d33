package org.voiceai.service.tenant;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import org.voiceai.sharedstate.SharedState;
import org.voiceai.tenant.DomainId;

/**
 * Per-domain, per-endpoint-group limits in fixed one-minute windows, counted in the shared state so several
 * instances share one budget. Over the limit: 429 with {@code Retry-After} (seconds to the next window). Runs after
 * the tenant guard, so only authenticated requests of a known domain are counted.
 */
public class RateLimitWebFilter implements WebFilter, Ordered {

	private static final String PREFIX = "/api/v1/";

	private final SharedState state;

	private final RateLimitProperties limits;

	private final Clock clock;

	private final JsonMapper json;

	public RateLimitWebFilter(SharedState state, RateLimitProperties limits, Clock clock, JsonMapper json) {
		this.state = state;
		this.limits = limits;
		this.clock = clock;
		this.json = json;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		DomainId domain = exchange.getAttribute(TenantWebFilter.DOMAIN_ATTRIBUTE);
		String path = exchange.getRequest().getPath().value();
		if (domain == null || !path.startsWith(PREFIX)) {
			return chain.filter(exchange);
		}
		String rest = path.substring(PREFIX.length());
		String group = (rest.indexOf('/') >= 0) ? rest.substring(0, rest.indexOf('/')) : rest;
		int limit = this.limits.limitFor(group);
		long nowMillis = this.clock.millis();
		long window = nowMillis / 60_000;
		String key = "rate:" + domain + ":" + group + ":" + window;
		return this.state.increment(key, Duration.ofSeconds(61)).flatMap((count) -> {
			exchange.getResponse().getHeaders().set("X-RateLimit-Limit", Integer.toString(limit));
			exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", Long.toString(Math.max(0, limit - count)));
			if (count <= limit) {
				return chain.filter(exchange);
			}
			long retryAfter = Math.max(1, ((window + 1) * 60_000 - nowMillis + 999) / 1000);
			return reject(exchange, retryAfter, "Rate limit of " + limit + " " + group
					+ " requests per minute exceeded for domain " + domain);
		});
	}

	private Mono<Void> reject(ServerWebExchange exchange, long retryAfterSeconds, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail);
		problem.setType(URI.create("https://voice-ai.org/problems/rate-limited"));
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = this.json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

}
