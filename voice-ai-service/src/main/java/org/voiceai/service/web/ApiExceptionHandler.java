package org.voiceai.service.web;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;

import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.manager.NoUsableProviderException;
import org.voiceai.providers.manager.ProvidersExhaustedException;
import org.voiceai.service.audio.AudioTooLargeException;
import org.voiceai.service.conversations.ConversationNotFoundException;
import org.voiceai.service.conversations.MessageConflictException;

/**
 * Turns errors into RFC 9457 problem responses with a message an admin can act on. Provider errors name the domain,
 * provider and config key but never a secret; nothing returns a stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler({ IllegalArgumentException.class, MissingRequestValueException.class })
	ProblemDetail badRequest(Exception ex) {
		String detail = (ex instanceof MissingRequestValueException missing) ? missing.getReason() : ex.getMessage();
		return problem(HttpStatus.BAD_REQUEST, "bad-request", detail);
	}

	@ExceptionHandler({ AudioTooLargeException.class, DataBufferLimitException.class })
	ProblemDetail tooLarge(Exception ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", (ex instanceof AudioTooLargeException)
				? ex.getMessage() : "Request body is over the size limit");
	}

	/** Unreadable bodies: 413 when over the size limit, else 400 with Spring's reason (never the body). */
	@ExceptionHandler(ServerWebInputException.class)
	ProblemDetail unreadable(ServerWebInputException ex) {
		if (ex.getMostSpecificCause() instanceof DataBufferLimitException) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request body is over the size limit");
		}
		return problem(HttpStatus.BAD_REQUEST, "bad-request", ex.getReason());
	}

	@ExceptionHandler(SecretaryNotFoundException.class)
	ProblemDetail secretaryNotFound(SecretaryNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "secretary-not-found", ex.getMessage());
	}

	@ExceptionHandler(ConversationNotFoundException.class)
	ProblemDetail conversationNotFound(ConversationNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "conversation-not-found", ex.getMessage());
	}

	@ExceptionHandler(MessageConflictException.class)
	ProblemDetail messageConflict(MessageConflictException ex) {
		return problem(HttpStatus.CONFLICT, "message-uuid-conflict", ex.getMessage());
	}

	@ExceptionHandler(CallLimitExceededException.class)
	ResponseEntity<ProblemDetail> callLimitExceeded(CallLimitExceededException ex) {
		ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "concurrent-call-limit", ex.getMessage());
		problem.setProperty("limit", ex.limit());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())))
			.body(problem);
	}

	@ExceptionHandler(NoUsableProviderException.class)
	ProblemDetail noUsableProvider(NoUsableProviderException ex) {
		logger.warn(ex.getMessage());
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "no-usable-provider", ex.getMessage());
	}

	@ExceptionHandler(ProviderConfigException.class)
	ProblemDetail providerConfig(ProviderConfigException ex) {
		logger.warn(ex.getMessage());
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "provider-misconfigured", ex.getMessage());
	}

	@ExceptionHandler(ProvidersExhaustedException.class)
	ProblemDetail providersExhausted(ProvidersExhaustedException ex) {
		logger.warn(ex.getMessage());
		return problem(HttpStatus.BAD_GATEWAY, "providers-failed", ex.getMessage());
	}

	@ExceptionHandler(ProviderBadRequestException.class)
	ProblemDetail providerRejected(ProviderBadRequestException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "provider-rejected-request", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://voice-ai.org/problems/" + type));
		return problem;
	}

}
