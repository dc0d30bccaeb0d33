package org.voiceai.providers.vectorstore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.scheduler.Schedulers;

import org.voiceai.tenant.DomainId;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded store, for real on disk. */
class LuceneVectorStoreTest extends VectorStoreContract {

	@TempDir
	Path root;

	LuceneVectorStore store;

	@BeforeEach
	void open() {
		this.store = newStore();
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Override
	VectorStore store() {
		return this.store;
	}

	@Test
	void chunksSurviveARestartAndEachDomainHasItsOwnDirectory() throws Exception {
		VectorSpace space = newSpace("local:all-minilm-l6-v2");
		float[] vector = randomUnit();
		add(space, entry(UUID.randomUUID(), null, 0, 1, "kept on disk", vector));
		this.store.close();

		this.store = newStore();
		assertThat(search(space, new VectorQuery(vector, 4, 0.0, null))).extracting(VectorMatch::text)
			.containsExactly("kept on disk");
		Path directory = this.root.resolve(space.domain().toString()).resolve(space.modelSlug());
		assertThat(Files.isDirectory(directory)).isTrue();
		assertThat(space.modelSlug()).matches("local-all-minilm-[0-9a-f]{8}");
	}

	@Test
	void searchingASpaceThatHoldsNothingCreatesNoDirectory() {
		VectorSpace space = newSpace("model-a");
		assertThat(search(space, new VectorQuery(randomUnit(), 4, 0.0, null))).isEmpty();
		assertThat(Files.exists(this.root.resolve(space.domain().toString()))).isFalse();
	}

	@Test
	void acceptsVectorsWiderThanLucenesDefaultLimit() {
		// OpenAI's text-embedding-3-small: 1536 dimensions; Lucene's default limit is 1024.
		VectorSpace space = new VectorSpace(new DomainId(UUID.randomUUID()), "openai:text-embedding-3-small");
		float[] wide = new float[1536];
		for (int i = 0; i < wide.length; i++) {
			wide[i] = (float) this.random.nextGaussian();
		}
		add(space, entry(UUID.randomUUID(), null, 0, null, "wide", wide));
		assertThat(search(space, new VectorQuery(wide, 1, 0.9, null))).extracting(VectorMatch::text)
			.containsExactly("wide");
	}

	@Test
	void addingAChunkAgainReplacesIt() {
		VectorSpace space = newSpace("model-a");
		float[] vector = randomUnit();
		VectorEntry first = entry(UUID.randomUUID(), null, 0, null, "first", vector);
		add(space, first);
		add(space, new VectorEntry(first.id(), first.source(), "second", vector));
		List<VectorMatch> matches = search(space, new VectorQuery(vector, 10, 0.0, null));
		assertThat(matches).extracting(VectorMatch::text).containsExactly("second");
	}

	private LuceneVectorStore newStore() {
		return new LuceneVectorStore(this.root, Schedulers.newBoundedElastic(2, 100, "test-vector-store"));
	}

}
