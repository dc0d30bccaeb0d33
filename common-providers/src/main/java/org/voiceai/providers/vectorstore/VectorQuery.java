package org.voiceai.providers.vectorstore;

import java.util.Objects;
import java.util.UUID;

/**
 * A nearest-neighbour search.
 *
 * @param vector the query's embedding, by the same model as the space's vectors
 * @param topK the most matches to return
 * @param minScore the lowest relevance (0 to 1, see {@link VectorMatch#score()}) a match may have
 * @param secretaryUuid when set, only that secretary's documents and the domain's shared ones; {@code null} for all
 */
public record VectorQuery(float[] vector, int topK, double minScore, UUID secretaryUuid) {

	public VectorQuery {
		Objects.requireNonNull(vector, "vector");
		if (topK < 1) {
			throw new IllegalArgumentException("topK must be at least 1");
		}
	}

}
