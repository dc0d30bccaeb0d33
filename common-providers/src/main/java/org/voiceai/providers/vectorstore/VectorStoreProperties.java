package org.voiceai.providers.vectorstore;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which vector store holds the knowledge base ({@code voice-ai.vector-store.*}).
 *
 * @param type {@code embedded} (Lucene files, no server; the default) or {@code chroma} (VOICE_AI_VECTOR_STORE)
 * @param directory where the embedded store keeps its indexes; default {@code $VOICE_AI_HOME/vectors}
 * @param threads threads for the store's blocking work (disk or HTTP)
 * @param mergeAfterIdle embedded store: how long an index must go without writes before it is merged into one
 * segment (searches walk one HNSW graph per segment); {@code 0} disables
 * @param chroma ChromaDB's address, used when {@code type} is {@code chroma}
 */
@ConfigurationProperties("voice-ai.vector-store")
public record VectorStoreProperties(@DefaultValue("embedded") String type, Path directory,
		@DefaultValue("4") int threads, @DefaultValue("30s") Duration mergeAfterIdle, @DefaultValue Chroma chroma) {

	public VectorStoreProperties {
		if (!"embedded".equals(type) && !"chroma".equals(type)) {
			throw new IllegalArgumentException(
					"voice-ai.vector-store.type must be 'embedded' or 'chroma', not '" + type + "'");
		}
	}

	/**
	 * @param url base URL (VOICE_AI_CHROMA_URL), e.g. {@code http://chromadb:8000}
	 * @param tenant tenant, Chroma's own default unless set
	 * @param database database, Chroma's own default unless set
	 * @param timeout the longest one call may take
	 */
	public record Chroma(String url, @DefaultValue("default_tenant") String tenant,
			@DefaultValue("default_database") String database, @DefaultValue("10s") Duration timeout) {

		ChromaSettings settings() {
			if (this.url == null || this.url.isBlank()) {
				throw new IllegalStateException("voice-ai.vector-store.type is 'chroma' but no Chroma URL is set: set "
						+ "VOICE_AI_CHROMA_URL (e.g. http://chromadb:8000), or VOICE_AI_VECTOR_STORE=embedded");
			}
			return new ChromaSettings(this.url.trim(), this.tenant, this.database, this.timeout);
		}

	}

}
