package org.voiceai.providers.vectorstore;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.voiceai.tenant.DomainId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link VectorStore} must do, run against each implementation: tenants and models kept apart, the
 * secretary filter, removal, scores on one scale.
 */
abstract class VectorStoreContract {

	static final Duration WAIT = Duration.ofSeconds(30);

	static final int DIMENSIONS = 16;

	final Random random = new Random(42);

	/** The store under test. */
	abstract VectorStore store();

	@Test
	void findsTheNearestChunkWithItsSourceAndAScoreBetweenZeroAndOne() {
		VectorSpace space = newSpace("model-a");
		UUID document = UUID.randomUUID();
		float[] opening = randomUnit();
		float[] prices = randomUnit();
		add(space, entry(document, null, 0, 3, "We open at 8 am.", opening),
				entry(document, null, 1, null, "A visit costs 100.", prices));

		List<VectorMatch> matches = search(space, new VectorQuery(nudged(opening), 2, 0.0, null));

		assertThat(matches).hasSize(2);
		VectorMatch best = matches.get(0);
		assertThat(best.text()).isEqualTo("We open at 8 am.");
		assertThat(best.source().documentUuid()).isEqualTo(document);
		assertThat(best.source().documentName()).isEqualTo("doc-" + document);
		assertThat(best.source().chunkIndex()).isZero();
		assertThat(best.source().pageNumber()).isEqualTo(3);
		assertThat(matches.get(1).source().pageNumber()).isNull();
		assertThat(best.score()).isBetween(0.95, 1.0);
		assertThat(matches.get(1).score()).isLessThan(best.score()).isGreaterThanOrEqualTo(0.0);
	}

	@Test
	void anotherDomainOrModelNeverSeesTheChunks() {
		VectorSpace domainA = newSpace("model-a");
		VectorSpace domainB = newSpace("model-a");
		VectorSpace otherModel = new VectorSpace(domainA.domain(), "model-b");
		float[] vector = randomUnit();
		add(domainA, entry(UUID.randomUUID(), null, 0, null, "secret of A", vector));
		add(domainB, entry(UUID.randomUUID(), null, 0, null, "public of B", randomUnit()));

		assertThat(search(domainB, new VectorQuery(vector, 10, 0.0, null))).extracting(VectorMatch::text)
			.containsExactly("public of B");
		assertThat(search(otherModel, new VectorQuery(vector, 10, 0.0, null))).isEmpty();
		assertThat(search(domainA, new VectorQuery(vector, 10, 0.0, null))).extracting(VectorMatch::text)
			.containsExactly("secret of A");
	}

	@Test
	void aSecretarySeesItsOwnAndSharedDocumentsOnly() {
		VectorSpace space = newSpace("model-a");
		UUID alice = UUID.randomUUID();
		UUID bob = UUID.randomUUID();
		float[] vector = randomUnit();
		add(space, entry(UUID.randomUUID(), alice, 0, null, "alice", nudged(vector)),
				entry(UUID.randomUUID(), bob, 0, null, "bob", nudged(vector)),
				entry(UUID.randomUUID(), null, 0, null, "shared", nudged(vector)));

		assertThat(search(space, new VectorQuery(vector, 10, 0.0, alice))).extracting(VectorMatch::text)
			.containsExactlyInAnyOrder("alice", "shared");
		assertThat(search(space, new VectorQuery(vector, 10, 0.0, null))).extracting(VectorMatch::text)
			.containsExactlyInAnyOrder("alice", "bob", "shared");
		assertThat(search(space, new VectorQuery(vector, 10, 0.0, alice))).filteredOn((m) -> m.text().equals("alice"))
			.extracting((m) -> m.source().secretaryUuid())
			.containsExactly(alice);
	}

	@Test
	void removingADocumentRemovesAllItsChunksAndNothingElse() {
		VectorSpace space = newSpace("model-a");
		UUID removed = UUID.randomUUID();
		UUID kept = UUID.randomUUID();
		float[] vector = randomUnit();
		add(space, entry(removed, null, 0, null, "removed 0", nudged(vector)),
				entry(removed, null, 1, null, "removed 1", nudged(vector)),
				entry(kept, null, 0, null, "kept", nudged(vector)));

		store().removeDocument(space, removed).block(WAIT);
		store().removeDocument(newSpace("never-used"), removed).block(WAIT);

		assertThat(search(space, new VectorQuery(vector, 10, 0.0, null))).extracting(VectorMatch::text)
			.containsExactly("kept");
	}

	@Test
	void matchesBelowTheMinimumScoreAndBeyondTopKAreLeftOut() {
		VectorSpace space = newSpace("model-a");
		float[] vector = randomUnit();
		float[] opposite = new float[DIMENSIONS];
		for (int i = 0; i < DIMENSIONS; i++) {
			opposite[i] = -vector[i];
		}
		add(space, entry(UUID.randomUUID(), null, 0, null, "close 1", nudged(vector)),
				entry(UUID.randomUUID(), null, 0, null, "close 2", nudged(vector)),
				entry(UUID.randomUUID(), null, 0, null, "opposite", opposite));

		assertThat(search(space, new VectorQuery(vector, 10, 0.5, null))).extracting(VectorMatch::text)
			.containsExactlyInAnyOrder("close 1", "close 2");
		assertThat(search(space, new VectorQuery(vector, 1, 0.0, null))).hasSize(1);
		assertThat(search(newSpace("empty"), new VectorQuery(vector, 4, 0.0, null))).isEmpty();
	}

	VectorSpace newSpace(String model) {
		return new VectorSpace(new DomainId(UUID.randomUUID()), model);
	}

	void add(VectorSpace space, VectorEntry... entries) {
		store().add(space, List.of(entries)).block(WAIT);
	}

	List<VectorMatch> search(VectorSpace space, VectorQuery query) {
		return store().search(space, query).block(WAIT);
	}

	static VectorEntry entry(UUID document, UUID secretary, int index, Integer page, String text, float[] vector) {
		return new VectorEntry(UUID.randomUUID(), new ChunkSource(document, secretary, "doc-" + document, index, page),
				text, vector);
	}

	float[] randomUnit() {
		float[] vector = new float[DIMENSIONS];
		for (int i = 0; i < DIMENSIONS; i++) {
			vector[i] = (float) this.random.nextGaussian();
		}
		return UnitVectors.normalized(vector);
	}

	/** A vector close to {@code vector}, not equal to it. */
	float[] nudged(float[] vector) {
		float[] copy = vector.clone();
		copy[this.random.nextInt(DIMENSIONS)] += 0.05f;
		return UnitVectors.normalized(copy);
	}

}
