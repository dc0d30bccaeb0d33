package org.voiceai.service.documents;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Problem responses for the document API, in the style of the service's ApiExceptionHandler; other errors fall
 * through to it.
 */
@RestControllerAdvice(assignableTypes = DocumentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentExceptionHandler {

	private final long maxSize;

	DocumentExceptionHandler(DocumentProperties properties) {
		this.maxSize = properties.maxSize().toBytes();
	}

	@ExceptionHandler(DocumentException.class)
	ResponseEntity<ProblemDetail> document(DocumentException ex) {
		return problem(ex.status(), ex.problemType(), ex.getMessage());
	}

	/** WebFlux's own limits: a multipart part past the document limit, or a JSON body past the codec limit. */
	@ExceptionHandler({ DataBufferLimitException.class, ContentTooLargeException.class })
	ResponseEntity<ProblemDetail> tooLarge(ServerWebExchange exchange) {
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		if (type != null && type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "document-too-large", "the JSON body is larger than the server "
					+ "reads into memory (spring.codec.max-in-memory-size, 256 KB by default): upload long texts as a "
					+ "file instead");
		}
		DocumentException tooLarge = DocumentFiles.tooLarge(this.maxSize);
		return problem(tooLarge.status(), tooLarge.problemType(), tooLarge.getMessage());
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://voice-ai.org/problems/" + type));
		return ResponseEntity.status(status).body(problem);
	}

}
