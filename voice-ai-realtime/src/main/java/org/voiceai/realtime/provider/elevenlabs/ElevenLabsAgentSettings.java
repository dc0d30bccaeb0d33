package org.voiceai.realtime.provider.elevenlabs;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.voiceai.providers.ProviderConfig;

/**
 * An {@code elevenlabs_conversational} row's configuration.
 * <p>
 * ElevenLabs refuses a conversation whose {@code conversation_initiation_client_data} overrides a field the agent's
 * security settings do not allow, closing the socket with 1008. Each override is therefore its own switch, so an
 * operator can match the row to the agent.
 *
 * @param apiKey {@code api_key}; optional for a public agent. With a key the adapter fetches a signed URL first, as
 *        private agents require
 * @param agentId {@code agent_id}
 * @param baseUrl {@code base_url}, default {@value #DEFAULT_BASE_URL} (residency hosts such as
 *        {@code wss://api.eu.residency.elevenlabs.io} work too)
 * @param signedUrlEndpoint {@code signed_url_endpoint}, default the {@code get-signed-url} path on the HTTP(S) form of
 *        {@code base_url}
 * @param overridePrompt {@code override_prompt}, default true: the secretary's instructions replace the agent's
 *        system prompt (the agent must allow "System prompt" overrides)
 * @param overrideFirstMessage {@code override_first_message}, default true: the agent starts silent and the bridge
 *        asks for the secretary's greeting; when false the agent greets with its own first message
 * @param overrideLanguage {@code override_language}, default false: the call's language replaces the agent's
 * @param responseGap {@code response_gap_ms}, default 700: ElevenLabs marks no end of a reply, so a reply counts as
 *        done after this long without new audio
 * @param connectTimeout {@code connect_timeout_seconds}, default 10: signed URL, connect and initiation together
 */
public record ElevenLabsAgentSettings(String apiKey, String agentId, URI baseUrl, URI signedUrlEndpoint,
		boolean overridePrompt, boolean overrideFirstMessage, boolean overrideLanguage, Duration responseGap,
		Duration connectTimeout) {

	public static final String DEFAULT_BASE_URL = "wss://api.elevenlabs.io";

	static final String CONVERSATION_PATH = "/v1/convai/conversation";

	static final String SIGNED_URL_PATH = "/v1/convai/conversation/get-signed-url";

	public static ElevenLabsAgentSettings from(ProviderConfig config) {
		String agentId = config.requireString("agent_id");
		if (!agentId.matches("[A-Za-z0-9_-]+")) {
			throw config.problem("agent_id", "must be an ElevenLabs agent id (letters, digits, '_' and '-')");
		}
		URI baseUrl = config.url("base_url", DEFAULT_BASE_URL);
		String scheme = baseUrl.getScheme();
		if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
			throw config.problem("base_url", "must be a ws:// or wss:// URL, got '" + baseUrl + "'");
		}
		URI httpBase = URI.create(("wss".equalsIgnoreCase(scheme) ? "https" : "http")
				+ baseUrl.toString().substring(scheme.length()));
		URI signedUrlEndpoint = config.url("signed_url_endpoint", httpBase + SIGNED_URL_PATH);
		int gap = config.integer("response_gap_ms", 700);
		if (gap < 100 || gap > 10_000) {
			throw config.problem("response_gap_ms", "must be between 100 and 10000 milliseconds");
		}
		return new ElevenLabsAgentSettings(config.string("api_key").orElse(null), agentId, baseUrl, signedUrlEndpoint,
				config.bool("override_prompt", true), config.bool("override_first_message", true),
				config.bool("override_language", false), Duration.ofMillis(gap),
				config.seconds("connect_timeout_seconds", Duration.ofSeconds(10)));
	}

	/** Whether to ask for a signed URL (an API key is configured) instead of connecting to the public agent URL. */
	public boolean signedUrl() {
		return this.apiKey != null;
	}

	/** The public agent's WebSocket URL. */
	public URI publicConversationUri() {
		return URI.create(this.baseUrl + CONVERSATION_PATH + "?agent_id=" + encode(this.agentId));
	}

	/** The signed-URL request for this agent. */
	public URI signedUrlRequest() {
		String separator = (this.signedUrlEndpoint.getRawQuery() != null) ? "&" : "?";
		return URI.create(this.signedUrlEndpoint + separator + "agent_id=" + encode(this.agentId));
	}

	/** The row settings that name the overrides this row sends, for error messages. */
	public List<String> overrideSettings() {
		List<String> names = new ArrayList<>(3);
		if (this.overridePrompt) {
			names.add("override_prompt");
		}
		if (this.overrideFirstMessage) {
			names.add("override_first_message");
		}
		if (this.overrideLanguage) {
			names.add("override_language");
		}
		return names;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "ElevenLabsAgentSettings[agentId=" + this.agentId + ", baseUrl=" + this.baseUrl + ", signedUrl="
				+ signedUrl() + ", overridePrompt=" + this.overridePrompt + ", overrideFirstMessage="
				+ this.overrideFirstMessage + ", overrideLanguage=" + this.overrideLanguage + ", responseGap="
				+ this.responseGap + ", connectTimeout=" + this.connectTimeout + "]";
	}

}
