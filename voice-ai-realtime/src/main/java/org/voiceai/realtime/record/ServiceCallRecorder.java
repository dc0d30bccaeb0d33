package org.voiceai.realtime.record;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import org.voiceai.realtime.call.CallContext;
import org.voiceai.realtime.call.CallOutcome;

/**
 * Keeps a call's conversation in voice-ai-service, which owns conversations, their webhook outbox and their API:
 * {@code PUT /conversations/{call}} at start, {@code POST /conversations/{call}/messages} per utterance (with the
 * realtime provider that served it) and for the note of a provider switch (role {@code system}),
 * {@code POST /conversations/{call}/end} at the end (which queues the call-end webhook). Transient failures (the
 * service restarting, a 5xx, a lost answer) are retried with backoff; a refusal (4xx) is not, and is logged by the
 * {@link CallLog}. Every request is safe to repeat: opening and ending are idempotent, and each message carries a
 * {@code message_uuid} made once for it, so a retry of a message the service stored before the answer was lost
 * is not stored twice.
 */
public class ServiceCallRecorder implements CallRecorder {

	private final WebClient service;

	private final Retry retry;

	/** @param service a client with the service's base URL and bearer token */
	public ServiceCallRecorder(WebClient service, int attempts, Duration firstBackoff) {
		this.service = service;
		this.retry = Retry.backoff(Math.max(0, attempts - 1), firstBackoff).filter(ServiceCallRecorder::isTransient);
	}

	@Override
	public Mono<Void> started(CallContext call) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("secretary_uuid", call.secretary().uuid());
		body.put("caller_id_number", call.callerIdNumber());
		body.put("caller_id_name", call.metadata().callerIdName());
		body.put("processing_mode", "realtime");
		return send(this.service.put().uri("/api/v1/conversations/{call}", call.callUuid()), call, body);
	}

	@Override
	public Mono<Void> utterance(CallContext call, boolean fromCaller, String text) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("secretary_uuid", call.secretary().uuid());
		body.put("message_uuid", UUID.randomUUID());
		body.put("role", fromCaller ? "user" : "assistant");
		body.put("content", text);
		body.put("provider", call.provider());
		body.put("caller_id_number", call.callerIdNumber());
		body.put("processing_mode", "realtime");
		return send(this.service.post().uri("/api/v1/conversations/{call}/messages", call.callUuid()), call, body);
	}

	@Override
	public Mono<Void> providerSwitched(CallContext call, String from, String reason) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("secretary_uuid", call.secretary().uuid());
		body.put("message_uuid", UUID.randomUUID());
		body.put("role", "system");
		body.put("content", "Realtime provider switched from " + from + " to " + call.provider() + ": " + reason);
		body.put("provider", call.provider());
		body.put("caller_id_number", call.callerIdNumber());
		body.put("processing_mode", "realtime");
		return send(this.service.post().uri("/api/v1/conversations/{call}/messages", call.callUuid()), call, body);
	}

	@Override
	public Mono<Void> ended(CallContext call, CallOutcome outcome, List<String> messages) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("final_action", outcome.action());
		body.put("transfer_extension", outcome.transferExtension());
		body.put("transfer_department", outcome.transferDestination());
		StringBuilder summary = new StringBuilder();
		messages.forEach((message) -> summary.append(message).append('\n'));
		if (outcome.reason() != null) {
			summary.append("Ended: ").append(outcome.reason());
		}
		body.put("summary", summary.isEmpty() ? null : summary.toString().strip());
		return send(this.service.post().uri("/api/v1/conversations/{call}/end", call.callUuid()), call, body);
	}

	/** Every retry resends this same body: a message's {@code message_uuid} is the same on each attempt. */
	private Mono<Void> send(WebClient.RequestBodySpec request, CallContext call, Map<String, Object> body) {
		return request.header("X-Domain-UUID", call.domain().value().toString())
			.bodyValue(body)
			.retrieve()
			.toBodilessEntity()
			.retryWhen(this.retry)
			.then();
	}

	private static boolean isTransient(Throwable error) {
		if (error instanceof WebClientResponseException response) {
			HttpStatusCode status = response.getStatusCode();
			return status.is5xxServerError() || status.value() == 429;
		}
		return true;
	}

}
