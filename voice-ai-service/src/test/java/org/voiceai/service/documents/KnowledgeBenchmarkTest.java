package org.voiceai.service.documents;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import reactor.core.scheduler.Schedulers;

import org.voiceai.providers.vectorstore.ChunkSource;
import org.voiceai.providers.vectorstore.LuceneVectorStore;
import org.voiceai.providers.vectorstore.VectorEntry;
import org.voiceai.providers.vectorstore.VectorQuery;
import org.voiceai.providers.vectorstore.VectorSpace;
import org.voiceai.service.knowledge.DomainEmbedder;
import org.voiceai.service.knowledge.LocalEmbeddingModel;
import org.voiceai.tenant.DomainId;

/**
 * Knowledge-base throughput and latency, for docs/benchmarks.md. Not a unit test (timings depend on the machine):
 * it runs only with {@code -Dbench=true}:
 * <pre>
 * ./mvnw -B -q -pl voice-ai-service -am test -Dtest=KnowledgeBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true
 * </pre>
 * Results are printed and written to {@code voice-ai-service/target/knowledge-base-benchmark.md}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class KnowledgeBenchmarkTest {

	private static final int PDF_PAGES = 200;

	private static final int BULK_CHUNKS = 100_000;

	private static final int QUERIES = 1_000;

	private final StringBuilder report = new StringBuilder();

	@Test
	void ingestionThroughputAndSearchLatency() throws Exception {
		Path work = Files.createDirectories(Path.of("target/bench-" + UUID.randomUUID()));
		report("Machine: %d cores, Java %s, max heap %d MB", Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024));

		report("Load average (1 min) at start: %.2f", loadAverage());
		ParsedDocument parsed = parsing(work);
		embedding(parsed);
		search(work);
		report("Load average (1 min) at end: %.2f", loadAverage());

		System.out.println(this.report);
		Files.writeString(Path.of("target/knowledge-base-benchmark.md"), this.report);
	}

	/** PDFBox text extraction, page by page, of a 200-page PDF made of the clinic's pages. */
	private ParsedDocument parsing(Path work) throws Exception {
		List<List<String>> pages = new ArrayList<>();
		for (int i = 0; i < PDF_PAGES; i++) {
			pages.add(KnowledgeFixtures.CLINIC_PDF_PAGES.get(i % KnowledgeFixtures.CLINIC_PDF_PAGES.size()));
		}
		Path pdf = Files.write(work.resolve("big.pdf"), KnowledgeFixtures.pdf(pages, null));
		PdfExtractor extractor = new PdfExtractor();
		extractor.extract(pdf);
		int rounds = 3;
		long start = System.nanoTime();
		ParsedDocument parsed = null;
		for (int i = 0; i < rounds; i++) {
			parsed = extractor.extract(pdf);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		report("PDF parsing (PDFBox 3.0.8, %d pages, %d KB): **%.0f pages/s** (%.2f s per document)", PDF_PAGES,
				Files.size(pdf) / 1024, rounds * PDF_PAGES / seconds, seconds / rounds);
		return parsed;
	}

	/** Chunking (1000/200 tokens) and embedding every chunk's passages with the local model. */
	private void embedding(ParsedDocument parsed) {
		List<Chunk> chunks = new Chunker(1000, 200).chunk(parsed);
		Passages passages = new Passages(128);
		DomainEmbedder embedder = new LocalEmbeddingModel().embedder();
		embedder.embedAll(passages.of(chunks.get(0).text()));
		long start = System.nanoTime();
		int passageCount = 0;
		for (int i = 0; i < chunks.size(); i += 16) {
			List<String> texts = new ArrayList<>();
			for (Chunk chunk : chunks.subList(i, Math.min(chunks.size(), i + 16))) {
				texts.addAll(passages.of(chunk.text()));
			}
			embedder.embedAll(texts);
			passageCount += texts.size();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		report("Embedding (all-MiniLM-L6-v2 in process, %d chunks of ~1000 tokens = %d passages of <=128): "
				+ "**%.1f chunks/s** (%.0f passages/s, %.1f s)", chunks.size(), passageCount, chunks.size() / seconds,
				passageCount / seconds, seconds);
		List<String> questions = List.of("Qual é o telefone do plantão de emergência?", "Do you treat children?");
		long[] nanos = new long[100];
		for (int i = 0; i < nanos.length; i++) {
			long t = System.nanoTime();
			embedder.embedAll(List.of(questions.get(i % 2)));
			nanos[i] = System.nanoTime() - t;
		}
		Arrays.sort(nanos);
		report("Query embedding (one question): p50 %.1f ms, p99 %.1f ms", nanos[49] / 1e6, nanos[98] / 1e6);
	}

	/**
	 * Nearest-passage search in one domain holding 100,000 random unit vectors (384 dimensions), three times: right
	 * after the bulk load (many segments, idle merging off), while the idle merge runs (store reopened with a 1 s quiet
	 * period), and once the index is one segment: the steady state of a running service.
	 */
	private void search(Path work) throws IOException {
		Random random = new Random(7);
		VectorSpace space = new VectorSpace(new DomainId(UUID.randomUUID()), "bench:random-384");
		Path directory = work.resolve("vectors");
		long start = System.nanoTime();
		try (LuceneVectorStore store = newStore(directory, Duration.ZERO)) {
			UUID document = UUID.randomUUID();
			for (int batch = 0; batch < BULK_CHUNKS / 1000; batch++) {
				List<VectorEntry> entries = new ArrayList<>(1000);
				for (int i = 0; i < 1000; i++) {
					int n = batch * 1000 + i;
					entries.add(new VectorEntry(UUID.randomUUID(),
							new ChunkSource(document, null, "bench.pdf", n, 1 + n / 4), "passage " + n, unit(random)));
				}
				store.add(space, entries).block();
			}
			double indexing = (System.nanoTime() - start) / 1e9;
			report("Lucene store, %,d vectors in one domain: indexed in batches of 1000 in %.1f s (%.0f vectors/s, "
					+ "each batch committed before the next)", BULK_CHUNKS, indexing, BULK_CHUNKS / indexing);
		}
		try (LuceneVectorStore store = newStore(directory, Duration.ZERO)) {
			int segments = store.segmentCount(space);
			warmUp(store, space, random);
			long[] nanos = new long[QUERIES];
			for (int i = 0; i < QUERIES; i++) {
				nanos[i] = timedSearch(store, space, random);
			}
			report("Search of the 32 nearest passages (= top 4 chunks) before the idle merge, %d segments, %d queries: "
					+ "%s", segments, QUERIES, percentiles(nanos));
		}
		try (LuceneVectorStore store = newStore(directory, Duration.ofSeconds(1))) {
			long mergeStart = System.nanoTime();
			int segments = store.segmentCount(space); // opens the index: its merge starts 1 s later
			long[] nanos = new long[100_000];
			int count = 0;
			long deadline = mergeStart + Duration.ofMinutes(15).toNanos();
			while (store.segmentCount(space) > 1) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("the idle merge did not finish in 15 minutes");
				}
				for (int i = 0; i < 20 && count < nanos.length; i++) {
					nanos[count++] = timedSearch(store, space, random);
				}
			}
			double merging = (System.nanoTime() - mergeStart) / 1e9 - 1;
			report("Idle merge from %d segments to 1: %.1f s after the 1 s quiet period; %d searches during it: %s",
					segments, merging, count, percentiles(Arrays.copyOf(nanos, count)));
			warmUp(store, space, random);
			nanos = new long[QUERIES];
			for (int i = 0; i < QUERIES; i++) {
				nanos[i] = timedSearch(store, space, random);
			}
			report("Search after the idle merge (1 segment), %d queries: **%s**", QUERIES, percentiles(nanos));
		}
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static void warmUp(LuceneVectorStore store, VectorSpace space, Random random) {
		for (int i = 0; i < 100; i++) {
			store.search(space, new VectorQuery(unit(random), 32, 0.0, null)).block();
		}
	}

	private static long timedSearch(LuceneVectorStore store, VectorSpace space, Random random) {
		float[] query = unit(random);
		long t = System.nanoTime();
		int hits = store.search(space, new VectorQuery(query, 32, 0.0, null)).block().size();
		long nanos = System.nanoTime() - t;
		if (hits == 0) {
			throw new IllegalStateException("no hits");
		}
		return nanos;
	}

	private static String percentiles(long[] nanos) {
		if (nanos.length == 0) {
			return "none";
		}
		Arrays.sort(nanos);
		return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms (max %.2f ms)", nanos[nanos.length / 2] / 1e6,
				nanos[nanos.length * 99 / 100] / 1e6, nanos[nanos.length - 1] / 1e6);
	}

	private static LuceneVectorStore newStore(Path directory, Duration mergeAfterIdle) {
		return new LuceneVectorStore(directory, Schedulers.newBoundedElastic(2, 1000, "bench-store"), mergeAfterIdle);
	}

	private static float[] unit(Random random) {
		float[] vector = new float[384];
		double sum = 0;
		for (int i = 0; i < vector.length; i++) {
			vector[i] = (float) random.nextGaussian();
			sum += vector[i] * vector[i];
		}
		float norm = (float) Math.sqrt(sum);
		for (int i = 0; i < vector.length; i++) {
			vector[i] /= norm;
		}
		return vector;
	}

	private void report(String format, Object... arguments) {
		this.report.append("- ").append(String.format(Locale.ROOT, format, arguments)).append('\n');
	}

}
