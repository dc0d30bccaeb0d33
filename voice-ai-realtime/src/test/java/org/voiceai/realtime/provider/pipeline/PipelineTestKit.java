package org.voiceai.realtime.provider.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.langchain4j.agent.tool.ToolSpecification;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.audio.AudioFormat;
import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderContext;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.realtime.RealtimeSessionSpec;
import org.voiceai.providers.secret.SecretCipher;
import org.voiceai.tenant.DomainId;

/**
 * Provider rows for the custom pipeline tests. Caller audio and the event recorder are shared by all the
 * adapters' tests: {@link org.voiceai.realtime.provider.CallerSpeech} and
 * {@link org.voiceai.realtime.provider.ConversationEvents}.
 */
final class PipelineTestKit {

	static final DomainId DOMAIN = DomainId.parse("7c0f5e2a-1b4e-4c1d-9a3f-2b6d8e0a1c55");

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String KEY = "dg-test-key";

	private PipelineTestKit() {
	}

	static ProviderConfig config(Map<String, Object> values) {
		return new ProviderConfig(new ProviderContext(DOMAIN, ProviderType.REALTIME, UUID.randomUUID(),
				"custom_pipeline"), values, new SecretCipher(new byte[32]));
	}

	/** A row for the Deepgram fake at {@code baseUrl}, ending turns after 200 ms of silence. */
	static Map<String, Object> row(String baseUrl, String apiKey) {
		Map<String, Object> values = new HashMap<>();
		values.put("api_key", apiKey);
		values.put("base_url", baseUrl);
		values.put("endpointing_ms", "200");
		values.put("utterance_end_ms", "1000");
		values.put("connect_timeout_seconds", "5");
		return values;
	}

	static CustomPipelineVoice voice(Map<String, Object> row, PipelineServices services) {
		return new CustomPipelineVoice(CustomPipelineSettings.from(config(row)), services,
				new PipelineLatency(new SimpleMeterRegistry(), DOMAIN.value().toString()), JSON);
	}

	static RealtimeSessionSpec spec(AudioFormat callerFormat, List<ToolSpecification> tools) {
		return new RealtimeSessionSpec("You are Ana, the secretary of Clínica Sorriso.", null, "pt-BR", callerFormat,
				tools);
	}

}
