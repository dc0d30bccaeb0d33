package org.voiceai.service.tenant;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests per minute per domain ({@code voice-ai.service.rate-limits.*}), per endpoint group: the first path segment
 * after {@code /api/v1/} (transcribe, synthesize, chat, turn, documents, ...). Shared across instances through the
 * shared state (Redis when configured).
 *
 * @param perMinute limits by endpoint group
 * @param defaultPerMinute the limit of groups not listed
 */
@ConfigurationProperties("voice-ai.service.rate-limits")
public record RateLimitProperties(Map<String, Integer> perMinute, @DefaultValue("600") int defaultPerMinute) {

	public RateLimitProperties {
		perMinute = (perMinute != null) ? Map.copyOf(perMinute) : Map.of();
	}

	int limitFor(String group) {
		return this.perMinute.getOrDefault(group, this.defaultPerMinute);
	}

}
