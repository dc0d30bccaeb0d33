package org.voiceai.service.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retrieval defaults ({@code voice-ai.knowledge.*}).
 *
 * @param topK chunks returned when the caller does not say
 * @param minScore lowest relevance (0 to 1, {@code (1 + cosine) / 2}) a chunk needs when the caller does not say;
 * with the local model, unrelated text scores about 0.5 to 0.6 and an answering chunk 0.7 or more
 * @param maxTopK the most chunks one search may ask for
 * @param threads threads embedding queries (CPU-bound with the local model)
 */
@ConfigurationProperties("voice-ai.knowledge")
public record KnowledgeProperties(@DefaultValue("4") int topK, @DefaultValue("0.6") double minScore,
		@DefaultValue("20") int maxTopK, @DefaultValue("2") int threads) {

}
