package org.voiceai.service.documents;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses an upload whose declared length is already over the limit with 413, before a byte of it is read. Uploads
 * without a length (chunked) are stopped while streaming instead (multipart limit, {@link DocumentFiles}).
 */
class DocumentUploadLimit implements WebFilter, Ordered {

	/** Room for the multipart envelope (boundaries, part headers, the title and secretary fields). */
	private static final long ENVELOPE = 64 * 1024;

	private final long maxSize;

	private final JsonMapper json;

	DocumentUploadLimit(long maxSize, JsonMapper json) {
		this.maxSize = maxSize;
		this.json = json;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long length = request.getHeaders().getContentLength();
		if (request.getMethod() != HttpMethod.POST || !request.getPath().value().equals("/api/v1/documents")
				|| length <= this.maxSize + ENVELOPE) {
			return chain.filter(exchange);
		}
		DocumentException tooLarge = DocumentFiles.tooLarge(this.maxSize);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(tooLarge.status(), tooLarge.getMessage());
		problem.setType(URI.create("https://voice-ai.org/problems/" + tooLarge.problemType()));
		problem.setInstance(URI.create(request.getPath().value()));
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(tooLarge.status());
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		// The client is still sending the rest: tell it the connection ends with this answer.
		response.getHeaders().setConnection("close");
		byte[] body = this.json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	/** After the tenant guard, so a caller without a token learns that first. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

}
