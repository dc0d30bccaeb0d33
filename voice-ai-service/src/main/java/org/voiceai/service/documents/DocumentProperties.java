package org.voiceai.service.documents;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Knowledge-base documents ({@code voice-ai.documents.*}).
 *
 * @param maxSize largest upload (file or JSON text); larger ones get 413. WebFlux's multipart limit
 * ({@code spring.webflux.multipart.max-disk-usage-per-part}) should be the same
 * @param storageDirectory where original uploads are kept, {@code <dir>/<domain_uuid>/<document_uuid>}, for
 * reprocessing and crash recovery; default {@code $VOICE_AI_HOME/documents}
 * @param chunkTokens target chunk size in (estimated) tokens
 * @param chunkOverlapTokens tokens each chunk repeats from the previous one; at most half of {@code chunkTokens}
 * @param passageTokens size of the passages a chunk is searched by (see {@link Passages})
 * @param maxUnpackedSize most bytes a DOCX may unpack to; more is treated as a zip bomb
 * @param embedBatchSize chunks embedded per model call; progress is recorded after each batch
 * @param threads threads parsing and embedding (CPU-bound); ingestion itself handles one document at a time
 */
@ConfigurationProperties("voice-ai.documents")
public record DocumentProperties(@DefaultValue("20MB") DataSize maxSize, Path storageDirectory,
		@DefaultValue("1000") int chunkTokens, @DefaultValue("200") int chunkOverlapTokens,
		@DefaultValue("128") int passageTokens,
		@DefaultValue("200MB") DataSize maxUnpackedSize, @DefaultValue("16") int embedBatchSize,
		@DefaultValue("1") int threads) {

}
