package org.voiceai.service.tenant;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

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

import org.voiceai.tenant.DomainId;
import org.voiceai.tenant.ServiceToken;

/**
 * The tenant guard in front of every {@code /api/} endpoint: a valid service token, then an {@code X-Domain-UUID}
 * header naming an existing, enabled FusionPBX domain. The domain is handed to controllers as a {@link DomainId}
 * parameter and is the only domain they can act on; nothing in a request body or URL can choose another.
 */
public class TenantWebFilter implements WebFilter, Ordered {

	static final String DOMAIN_ATTRIBUTE = DomainId.class.getName();

	public static final String DOMAIN_HEADER = "X-Domain-UUID";

	private final ServiceToken token;

	private final DomainDirectory domains;

	private final JsonMapper json;

	public TenantWebFilter(ServiceToken token, DomainDirectory domains, JsonMapper json) {
		this.token = token;
		this.domains = domains;
		this.json = json;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
			return chain.filter(exchange);
		}
		if (!this.token.matches(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))) {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			return reject(exchange, HttpStatus.UNAUTHORIZED, "unauthorized",
					"Missing or wrong service token (Authorization: Bearer <VOICE_AI_SERVICE_TOKEN>)");
		}
		String header = exchange.getRequest().getHeaders().getFirst(DOMAIN_HEADER);
		DomainId domain;
		try {
			domain = DomainId.parse(header);
		}
		catch (IllegalArgumentException ex) {
			return reject(exchange, HttpStatus.BAD_REQUEST, "bad-request", DOMAIN_HEADER + ": " + ex.getMessage());
		}
		return this.domains.status(domain).flatMap((status) -> switch (status) {
			case ENABLED -> {
				exchange.getAttributes().put(DOMAIN_ATTRIBUTE, domain);
				yield chain.filter(exchange);
			}
			case DISABLED -> reject(exchange, HttpStatus.FORBIDDEN, "domain-disabled", "Domain " + domain + " is disabled");
			case UNKNOWN -> reject(exchange, HttpStatus.NOT_FOUND, "domain-not-found", "Domain " + domain + " does not exist");
		});
	}

	private Mono<Void> reject(ServerWebExchange exchange, HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://voice-ai.org/problems/" + type));
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = this.json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	/** Rejects a request whose body names another domain than the guarded header. */
	public static void requireSameDomain(DomainId guarded, UUID bodyDomain) {
		if (bodyDomain != null && !bodyDomain.equals(guarded.value())) {
			throw new IllegalArgumentException("domain_uuid in the body (" + bodyDomain + ") differs from the "
					+ DOMAIN_HEADER + " header (" + guarded + ")");
		}
	}

	@Override
	public int getOrder() {
		// Right after the log-context filter, so rejections are logged with the domain and call.
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
