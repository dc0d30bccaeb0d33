package org.voiceai.providers.llm;

import java.time.Duration;

import org.voiceai.providers.ProviderConfig;

/**
 * The call settings every chat provider row has, under the same config keys whatever the vendor.
 *
 * @param temperature {@code temperature}, or {@code null} for the model's default
 * @param maxTokens {@code max_tokens}, the longest reply, or {@code null} for the vendor's default
 * @param timeout {@code timeout_seconds} (the Python reference's local providers called it {@code timeout}): how
 * long one HTTP attempt may take
 */
public record ChatOptions(Double temperature, Integer maxTokens, Duration timeout) {

	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * langchain4j's retries of a blocking call after a rate limit or a server error, with its own backoff (0.5 s,
	 * then 0.75 s). Streams are not retried; the provider manager fails over instead.
	 */
	public static final int MAX_RETRIES = 2;

	/** Reads the options of {@code config}, with {@code defaultMaxTokens} (may be {@code null}) when unset. */
	public static ChatOptions read(ProviderConfig config, Integer defaultMaxTokens) {
		Double temperature = null;
		if (config.has("temperature")) {
			temperature = config.decimal("temperature", 0);
			if (temperature < 0 || temperature > 2) {
				throw config.problem("temperature", "must be between 0 and 2");
			}
		}
		Integer maxTokens = defaultMaxTokens;
		if (config.has("max_tokens")) {
			maxTokens = config.integer("max_tokens", 0);
			if (maxTokens < 1) {
				throw config.problem("max_tokens", "must be at least 1");
			}
		}
		return new ChatOptions(temperature, maxTokens, timeout(config, DEFAULT_TIMEOUT));
	}

	/** {@code timeout_seconds}, else the Python reference's {@code timeout}, else {@code defaultTimeout}. */
	public static Duration timeout(ProviderConfig config, Duration defaultTimeout) {
		String key = config.has("timeout_seconds") ? "timeout_seconds" : "timeout";
		return config.seconds(key, defaultTimeout);
	}

}
