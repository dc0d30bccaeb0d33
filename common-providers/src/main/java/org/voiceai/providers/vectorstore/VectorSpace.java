package org.voiceai.providers.vectorstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

import org.voiceai.tenant.DomainId;

/**
 * The vectors of one domain made by one embedding model. Each space is stored apart (its own Lucene index, its own
 * Chroma collection): a search can then never reach another tenant's chunks, and vectors of different models, which
 * are not comparable, never meet.
 *
 * @param domain the owning domain
 * @param embeddingModel the model's name as recorded in {@code v_voice_document_chunks.embedding_model}
 */
public record VectorSpace(DomainId domain, String embeddingModel) {

	/** Chroma before 1.0 allowed collection names of at most 63 characters; a UUID takes 36 of them. */
	private static final int MAX_SLUG = 26;

	public VectorSpace {
		Objects.requireNonNull(domain, "domain");
		if (embeddingModel == null || embeddingModel.isBlank()) {
			throw new IllegalArgumentException("embeddingModel is required");
		}
	}

	/**
	 * The model name as a file and collection name: lower-case letters, digits and dashes, at most 26 characters;
	 * longer names keep a prefix and a hash of the whole name so that two models never share a slug.
	 */
	public String modelSlug() {
		String slug = this.embeddingModel.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-+|-+$", "");
		if (slug.isEmpty() || slug.length() > MAX_SLUG || !slug.equals(this.embeddingModel)) {
			String hash = sha256(this.embeddingModel).substring(0, 8);
			String prefix = slug.substring(0, Math.min(slug.length(), MAX_SLUG - hash.length() - 1));
			slug = prefix.isEmpty() ? hash : prefix.replaceAll("-+$", "") + "-" + hash;
		}
		return slug;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	@Override
	public String toString() {
		return this.domain + "/" + this.embeddingModel;
	}

}
