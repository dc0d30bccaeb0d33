package org.voiceai.sharedstate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Where shared state lives ({@code voice-ai.redis.*}).
 *
 * @param url Redis URL, e.g. {@code redis://host:6379/0} or {@code rediss://:password@host:6380/1} (env
 * {@code VOICE_AI_REDIS_URL}); blank or absent means in-memory state for a single instance
 * @param keyPrefix prepended to every key, so voice-ai can share a Redis database with other software
 * @param connectTimeout how long to wait for a TCP/TLS connection before the call fails, kept short so an unreachable
 * Redis shows up quickly in health checks rather than stalling calls
 */
@ConfigurationProperties("voice-ai.redis")
public record SharedStateProperties(String url, @DefaultValue(RedisSharedState.DEFAULT_KEY_PREFIX) String keyPrefix,
		@DefaultValue("2s") Duration connectTimeout) {

	/** Whether a Redis URL is configured (an empty value, as left by an unset env placeholder, is not one). */
	public boolean hasUrl() {
		return StringUtils.hasText(url);
	}
}
