package org.voiceai.realtime.provider.elevenlabs;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderContext;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.secret.SecretCipher;
import org.voiceai.tenant.DomainId;

/**
 * Provider rows for the ElevenLabs agent adapter tests. Caller audio and the event recorder are shared by all the
 * adapters' tests: {@link org.voiceai.realtime.provider.CallerSpeech} and
 * {@link org.voiceai.realtime.provider.ConversationEvents}.
 */
final class ElevenLabsAgentTestKit {

	static final DomainId DOMAIN = DomainId.parse("7c0f5e2a-1b4e-4c1d-9a3f-2b6d8e0a1c55");

	static final JsonMapper JSON = JsonMapper.builder().build();

	private ElevenLabsAgentTestKit() {
	}

	static ProviderConfig config(Map<String, Object> values) {
		return new ProviderConfig(new ProviderContext(DOMAIN, ProviderType.REALTIME, UUID.randomUUID(),
				"elevenlabs_conversational"), values, new SecretCipher(new byte[32]));
	}

	/** A row for {@code agentId}; {@code apiKey} may be null (public agent). */
	static Map<String, Object> row(String baseUrl, String agentId, String apiKey) {
		Map<String, Object> values = new HashMap<>();
		if (apiKey != null) {
			values.put("api_key", apiKey);
		}
		values.put("agent_id", agentId);
		values.put("base_url", baseUrl);
		values.put("connect_timeout_seconds", "5");
		values.put("response_gap_ms", "300");
		return values;
	}

}
