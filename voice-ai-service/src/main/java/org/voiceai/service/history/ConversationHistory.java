package org.voiceai.service.history;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.sharedstate.SharedState;
import org.voiceai.tenant.DomainId;

/**
 * The messages of a call so far, kept server-side in the shared state (Redis when configured) so Lua sends only the
 * new message each turn and any service instance can answer the next one. Keyed by domain and call; expires some
 * time after the last turn, since the database keeps the permanent record.
 */
public class ConversationHistory {

	private final SharedState state;

	private final JsonMapper json;

	private final Duration ttl;

	public ConversationHistory(SharedState state, JsonMapper json, Duration ttl) {
		this.state = state;
		this.json = json;
		this.ttl = ttl;
	}

	/** One message of the conversation. */
	public record Message(String role, String content) {
	}

	public Mono<Void> append(DomainId domain, UUID call, Message message) {
		return this.state.append(key(domain, call), this.json.writeValueAsString(message), this.ttl).then();
	}

	/** The last {@code max} messages, oldest first. */
	public Mono<List<Message>> recent(DomainId domain, UUID call, int max) {
		return this.state.range(key(domain, call), -max, -1)
			.map((text) -> this.json.readValue(text, Message.class))
			.collectList();
	}

	private static String key(DomainId domain, UUID call) {
		return "history:" + domain + ":" + call;
	}

}
