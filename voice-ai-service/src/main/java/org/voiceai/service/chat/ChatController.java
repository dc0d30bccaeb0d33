package org.voiceai.service.chat;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import org.voiceai.service.tenant.TenantWebFilter;
import org.voiceai.tenant.DomainId;

/** {@code POST /api/v1/chat}: the secretary's reply to one caller message, and what to do with the call. */
@RestController
class ChatController {

	private final ChatService chat;

	ChatController(ChatService chat) {
		this.chat = chat;
	}

	@PostMapping("/api/v1/chat")
	@Operation(summary = "Reply to the caller's message; action is continue, transfer or hangup")
	@ApiResponse(responseCode = "429", description = "A new call over the domain's concurrent-call limit "
			+ "(setting max_concurrent_calls), or the rate limit; Retry-After says when to try again")
	Mono<ChatReply> chat(@Parameter(hidden = true) DomainId domain, @RequestBody ChatRequestBody body) {
		TenantWebFilter.requireSameDomain(domain, body.domainUuid());
		return Mono.fromCallable(body::toCommand).flatMap((command) -> this.chat.chat(domain, command));
	}

}
