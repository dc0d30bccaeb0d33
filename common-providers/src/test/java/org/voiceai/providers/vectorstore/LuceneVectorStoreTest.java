package org.voiceai.providers.vectorstore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

	private static final int BATCHES = 3;

	private static final int BATCH_SIZE = 40;

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

	@Test
	void anIndexIsMergedIntoOneSegmentAfterItsWritesGoQuietAndAnswersTheSame() throws Exception {
		VectorSpace space = newSpace("model-a");
		UUID alice = UUID.randomUUID();
		List<UUID> documents = fillInBatches(space, alice);
		List<VectorQuery> queries = queries(alice);
		List<List<VectorMatch>> before = searchAll(space, queries);
		assertThat(this.store.segmentCount(space)).isEqualTo(BATCHES);
		this.store.close();

		this.store = newStore(Duration.ofMillis(200));
		assertThat(searchAll(space, queries)).isEqualTo(before); // opening the index starts its quiet period
		awaitSegments(space, 1);
		assertThat(searchAll(space, queries)).isEqualTo(before);

		// A write starts a new quiet period; deletion and the secretary filter work on the merged index as before.
		add(space, entry(UUID.randomUUID(), alice, 0, null, "late", queries.get(0).vector()));
		this.store.removeDocument(space, documents.get(0)).block(WAIT);
		awaitSegments(space, 1);
		List<VectorMatch> after = search(space, new VectorQuery(queries.get(0).vector(), 100, 0.0, alice));
		assertThat(after.get(0).text()).isEqualTo("late");
		assertThat(after).noneMatch((match) -> match.source().documentUuid().equals(documents.get(0)))
			.allMatch((match) -> match.source().secretaryUuid() == null || alice.equals(match.source().secretaryUuid()));
		assertThat(search(newSpace("model-a"), queries.get(0))).isEmpty();
	}

	@Test
	void closingTheStoreWhileAnIndexMergesKeepsEveryCommittedChunk() throws Exception {
		VectorSpace space = newSpace("model-a");
		fillInBatches(space, UUID.randomUUID());
		List<VectorQuery> queries = queries(null);
		List<List<VectorMatch>> before = searchAll(space, queries);
		this.store.close();

		for (int i = 0; i < 5; i++) {
			this.store = newStore(Duration.ofMillis(1));
			this.store.segmentCount(space); // opens the index, which starts its merge a millisecond later
			Thread.sleep(i * 3L);
			this.store.close();
		}
		this.store = newStore(Duration.ZERO);
		assertThat(searchAll(space, queries)).isEqualTo(before);
		assertThat(search(space, new VectorQuery(queries.get(0).vector(), BATCHES * BATCH_SIZE, 0.0, null)))
			.hasSize(BATCHES * BATCH_SIZE);
	}

	/** {@value #BATCHES} separate adds: one segment each, with merging off. */
	private List<UUID> fillInBatches(VectorSpace space, UUID secretary) {
		this.store.close();
		this.store = newStore(Duration.ZERO);
		List<UUID> documents = new ArrayList<>();
		for (int batch = 0; batch < BATCHES; batch++) {
			UUID document = UUID.randomUUID();
			documents.add(document);
			List<VectorEntry> entries = new ArrayList<>();
			for (int i = 0; i < BATCH_SIZE; i++) {
				entries.add(entry(document, (i % 2 == 0) ? secretary : null, i, null, "chunk " + batch + "/" + i,
						randomUnit()));
			}
			this.store.add(space, entries).block(WAIT);
		}
		return documents;
	}

	private List<VectorQuery> queries(UUID secretary) {
		List<VectorQuery> queries = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			queries.add(new VectorQuery(randomUnit(), 8, 0.0, (i % 2 == 0) ? secretary : null));
		}
		return queries;
	}

	private List<List<VectorMatch>> searchAll(VectorSpace space, List<VectorQuery> queries) {
		return queries.stream().map((query) -> search(space, query)).toList();
	}

	private void awaitSegments(VectorSpace space, int segments) throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (this.store.segmentCount(space) != segments) {
			assertThat(System.nanoTime()).as("waiting for %d segment(s)", segments).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private LuceneVectorStore newStore() {
		return newStore(Duration.ofSeconds(30));
	}

	private LuceneVectorStore newStore(Duration mergeAfterIdle) {
		return new LuceneVectorStore(this.root, Schedulers.newBoundedElastic(2, 100, "test-vector-store"),
				mergeAfterIdle);
	}

}
