package org.voiceai.realtime.provider.openai;

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
 * Provider rows for the OpenAI Realtime adapter tests. Caller audio and the event recorder are shared by all the
 * adapters' tests: {@link org.voiceai.realtime.provider.CallerSpeech} and
 * {@link org.voiceai.realtime.provider.ConversationEvents}.
 */
final class OpenAiRealtimeTestKit {

	static final DomainId DOMAIN = DomainId.parse("7c0f5e2a-1b4e-4c1d-9a3f-2b6d8e0a1c55");

	static final JsonMapper JSON = JsonMapper.builder().build();

	private OpenAiRealtimeTestKit() {
	}

	static ProviderConfig config(Map<String, Object> values) {
		return new ProviderConfig(new ProviderContext(DOMAIN, ProviderType.REALTIME, UUID.randomUUID(),
				"openai_realtime"), values, new SecretCipher(new byte[32]));
	}

	static Map<String, Object> row(String baseUrl, String apiKey) {
		Map<String, Object> values = new HashMap<>();
		values.put("api_key", apiKey);
		values.put("base_url", baseUrl);
		values.put("connect_timeout_seconds", "5");
		return values;
	}

}
